from matcher.cli.main import main

main()
