"""The forms an incident log arrives in besides the house format's Markdown, each read as that
Markdown before the log is classified line by line: an e-mail thread, a social post's alt text, a
forum topic's replies, a word processor's escapes, pandoc's grid tables, AsciiDoc, records kept as
YAML, HTML tables and inline HTML, wiki markup, reStructuredText, admonitions, a diary, a chat
channel's log, a pull request's diff, a chat form, a comment thread, ASCII boxes, an ITSM record's
journal, a MediaWiki page, a bare `git log`, a vault's notes, a call's transcript, Gherkin
scenarios, a plain-text journal, a notebook's output, a definition list of known errors, a CI
triage page's tests, an org-mode file, an issue tracker's printed record, a dashboard's
annotations, a work board's items and their update threads, a live pad's notes, issues copied
from a forge, a story tracker's stories, a MantisBT bug report, a monitoring tool's problem
cards under the team's incident ids, a service desk's ticket printed with its thread, an XWiki
page's macros, a toggle that folds away what is not this incident, a tracker's ticket printed
with its history, TiddlyWiki's tiddlers, a list item going on with `then`, a span's attributes,
a whiteboard's stickies. Every pass keeps the line count, so what is reported names the line
as written."""

from __future__ import annotations

import re

from matcher.incidents.alt_text import alt_text_read
from matcher.incidents.annotations import annotations_read
from matcher.incidents.asciidoc_markup import asciidoc_as_markdown
from matcher.incidents.boards import boards_read
from matcher.incidents.boxes import boxes_read
from matcher.incidents.chat_exports import chat_exports_read
from matcher.incidents.chat_logs import chat_logs_read
from matcher.incidents.comment_threads import comment_threads_read
from matcher.incidents.commit_log import commit_log_read
from matcher.incidents.crash_groups import crash_groups_read
from matcher.incidents.definitions import definitions_read
from matcher.incidents.details_toggles import details_toggles_read
from matcher.incidents.diary import diary_as_headings
from matcher.incidents.doc_comments import doc_comments_read
from matcher.incidents.dokuwiki import dokuwiki_as_markdown
from matcher.incidents.error_groups import error_groups_read
from matcher.incidents.escapes import comments_as_footnotes, markdown_unescaped
from matcher.incidents.field_tables import field_tables_read
from matcher.incidents.fields import field_runs_as_labels, severity_lines
from matcher.incidents.forge_issues import forge_issues_read
from matcher.incidents.forum import forum_replies_read
from matcher.incidents.gerrit import gerrit_read
from matcher.incidents.gherkin import gherkin_read
from matcher.incidents.html_tables import html_tables_as_markdown, inline_html_as_markdown
from matcher.incidents.item_connectives import item_connectives_read
from matcher.incidents.journals import journals_read
from matcher.incidents.knitr_output import knitr_output_read
from matcher.incidents.linked import linked_read
from matcher.incidents.live_pads import live_pads_read
from matcher.incidents.mail_thread import thread_unquoted
from matcher.incidents.mailbox import mailbox_read
from matcher.incidents.mantis_bugs import mantis_bugs_read
from matcher.incidents.mediawiki import mediawiki_as_markdown
from matcher.incidents.notes import titles_first
from matcher.incidents.org_mode import org_mode_read
from matcher.incidents.outliner import outliner_read
from matcher.incidents.pandoc_markup import pandoc_as_markdown
from matcher.incidents.plain_text import plain_text_read
from matcher.incidents.record_parts import record_parts_read
from matcher.incidents.records import records_as_labels
from matcher.incidents.review_diffs import review_diffs_read
from matcher.incidents.rst_markup import rst_as_markdown
from matcher.incidents.script_labels import script_labels
from matcher.incidents.sentry_issues import sentry_issues_read
from matcher.incidents.span_tags import span_tags_read
from matcher.incidents.stories import stories_read
from matcher.incidents.team_ids import team_ids_read
from matcher.incidents.ticket_entries import ticket_entries_read
from matcher.incidents.ticket_fields import ticket_fields_read
from matcher.incidents.ticket_histories import ticket_histories_read
from matcher.incidents.ticket_threads import ticket_threads_read
from matcher.incidents.tiddlers import tiddlers_read
from matcher.incidents.titles import titled_records
from matcher.incidents.tracker_records import tracker_records_read
from matcher.incidents.transcripts import transcripts_read
from matcher.incidents.whiteboards import whiteboards_read
from matcher.incidents.wiki_markup import admonitions_as_markdown, wiki_as_markdown
from matcher.incidents.wrappers import wrappers_read
from matcher.incidents.xwiki_macros import xwiki_macros_read


def as_markdown(text: str) -> str:
    """The incident log as the house format's Markdown, its line count kept."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    # a full-width colon (U+FF1A, as Chinese and Japanese write it) is a colon
    text = re.sub("\uff1a(?=[^\\s*_])", ": ", text).replace("\uff1a", ":")
    # ... and so is Khmer's (U+17D6)
    text = re.sub("\u17d6(?=[^\\s*_])", ": ", text).replace("\u17d6", ":")
    # ... and so are Tibetan's shad and Ge'ez's preface colon that close a label (script_labels.py)
    text = script_labels(text)
    text = chat_exports_read(outliner_read(live_pads_read(forge_issues_read(text))))
    text = tiddlers_read(ticket_histories_read(team_ids_read(gerrit_read(text))))
    text = details_toggles_read(xwiki_macros_read(ticket_threads_read(text)))
    text = tracker_records_read(mantis_bugs_read(org_mode_read(text)))
    text = annotations_read(ticket_fields_read(stories_read(text)))
    text = mediawiki_as_markdown(dokuwiki_as_markdown(thread_unquoted(mailbox_read(text))))
    text = plain_text_read(field_tables_read(titles_first(commit_log_read(text))))
    text = crash_groups_read(error_groups_read(ticket_entries_read(doc_comments_read(text))))
    text = sentry_issues_read(linked_read(record_parts_read(definitions_read(text))))
    text = knitr_output_read(gherkin_read(transcripts_read(alt_text_read(text))))
    text = item_connectives_read(forum_replies_read(chat_logs_read(whiteboards_read(text))))
    text = journals_read(boxes_read(comment_threads_read(boards_read(wrappers_read(text)))))
    text = asciidoc_as_markdown(pandoc_as_markdown(comments_as_footnotes(markdown_unescaped(text))))
    text = span_tags_read(severity_lines(field_runs_as_labels(text)))
    text = inline_html_as_markdown(html_tables_as_markdown(records_as_labels(text)))
    text = rst_as_markdown(wiki_as_markdown(text))
    text = review_diffs_read(diary_as_headings(admonitions_as_markdown(text)))
    return titled_records(text)
