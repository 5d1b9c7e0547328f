"""Sources: reading stdin, files and gzip, telling JUnit XML from text, the one-source driver,
several sources in a run, and big files scanned in parallel."""
