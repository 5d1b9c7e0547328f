"""The English words of a verdict on log text (`red herring`, `unrelated`, `a different
bug`, `ruled out`, `from the rollback`), one alternation that the passes reading asides share:
dismissal.py after the text and in later clauses, reattribution.py after an arrow, sections.py in
a section's title. The languages beside English are in verdict_languages.py. Rules and examples:
docs/incident-log-format.md ("Not this incident")."""

from __future__ import annotations

from matcher.incidents.verdict_languages import FOREIGN_VERDICT

# A verdict on the log text: what it is, said of it (dismissal.py reads it after the text and in
# later clauses, reattribution.py after an arrow).
VERDICT = (
    # (not denied: `not harmless`, `no other noise`)
    r"(?<!not )(?<!\bno )(?<!no other )(?<!n't )"
    r"(?:red herrings?|unrelated|irrelevant|noise|chatter|harmless|benign)|not related"
    r"|(?:failing|failed|fails|erroring|running) harmlessly"
    r"|nothing to do with|(?:is|was|are|were) something else\b"
    # a hypothesis log's decision, in capitals (`H1: … **REJECTED**`)
    r"|(?-i:REJECTED|DISPROVEN|DISPROVED|REFUTED)"
    # in the language the team writes beside English (`Fausse piste`, `no tiene nada que ver`)
    r"|fausse piste|rien à voir|hors sujet|(?:no tiene )?nada que ver|pista falsa|falsa pista"
    r"|nichts damit zu tun|falsche fährte|niente a che fare|não tem nada a ver|não confundir"
    r"|nao confundir|non conta|non c'entra|quasi uguale ma diverso|no confundir|ne pas confondre"
    r"|nicht verwechseln"
    rf"|{FOREIGN_VERDICT}"
    # without an article: `…, separate ticket, it does not …`, `— report builder, different bug`
    # ... or alone at the end of its clause: `…, separate.`
    r"|(?<!not )(?<!n't )\bseparate(?=\s*(?:[.;]|$))"
    r"|(?<!not a )(?<!n't a )(?<!not )(?<!n't )\b(?:separate|different)"
    r" (?:ticket|bug|reason|cause|errno|problem|story|message|pool|upstream|cluster"
    r"|(?-i:[A-Z]+_[A-Z_]+|[A-Z]*ERROR\w*))s?\b"
    # an alert card's or a review's decision (`verdict: **DISMISS**`), what was left out
    # (`EXCLUDED HERE`, `we excluded them from this incident`, `keep it out of the signature`)
    r"|(?<!not )(?<!n't )\bdismiss(?:ed)?\b|\bexcluded (?:here|from (?:this|the|our) \w+)"
    r"|(?:we|i) excluded (?:it|them|this|that|those|these)\b"
    r"|(?:keep|leave) (?:it|them|this|that|those|these) out of (?:the|our|this|any) \w+"
    r"|(?:tracked|handled|filed|fixed) separately|in its own (?:pr|ticket|issue)"
    r"|(?:is|are|was|were|'s) (?:from |for )?the other (?!(?:way|day|time|one|half)\b)[a-z]+"
    r"|(?:has|have|got|gets) (?:its|their) own (?:pr|ticket|issue|incident|postmortem|bug)s?\b"
    # (... told in short: `— different test, known flaky, own ticket`)
    r"|(?<!not )(?<!n't )\bknown[- ]flaky\b|(?<=, )own (?:pr|ticket|issue|incident|bug)\b"
    r"|(?:is|was|are|were)(?: not|n't) why\b|,\s*not why\b"
    r"|(?:is|are|was|were) not interesting|uninteresting"
    r"|not the original (?:error|fault|problem|cause|failure|issue)"
    r"|not the (?:error|failure|problem) (?:the )?(?:users?|customers?|people|clients?|we) (?:hit"
    r"|saw|got|see|reported)\b"
    # (how a server ends a worker, not how a driver words the error)
    r"|(?:is|are|'s) (?:just |only |simply )?how (?:[\w-]+ ){1,3}(?:aborts?|kills?|stops?|exits?"
    r"|recycles?|restarts?|shuts? down|dies|die)\b|(?:is|are|'s) (?:just )?the replacement\b"
    r"|(?:is|are|'s) (?:just |only )?(?:\w+ )?reacting to\b"
    r"|not (?:what|why) (?:[\w-]+\s+){0,2}(?:stopped|broke|killed|blocked|(?:is|was) failing)\b"
    r"|not what(?:'s| is| was) (?:failing|breaking|causing)\b"
    # a second problem it looked like, and was not (`Looked like a second outage but it's …`)
    r"|looked like (?:an? )?(?:second|another|separate|new|different) (?:outage|incident"
    r"|problem|issue|failure|error)s? but\b"
    r"|fixed before the (?:restart|deploy|rollout|reload)"
    r"|(?:looked at|investigated|handled|dealt with) (?:it|them|that|those) separately"
    r"|(?:an? )?near[- ]miss(?:es)?\b|look-?alikes?\b|(?:were|was|are|is) excluded\b"
    r"|(?:(?:we|i|they) )?(?:did not|didn't|don't|do not) count (?:it|them|this|that)\b"
    r"|\bnot counting (?:it|them|this|that|those|these)\b"
    r"|\b(?:this|that|it) (?:one )?is different\b"
    # (a footnote's `WRONGTYPE tracked in PLAT-2287.`)
    r"|\btracked (?:in|as|under) (?-i:[A-Z][A-Z0-9]*-\d+)\b"
    r"|(?:(?:we|i|they) )?(?:did not|didn't|don't|do not) (?:track|treat|file|list)"
    r" (?:it|them|this|that|those|these)"
    r" as (?:the|a|our|this) (?:symptom|error|incident|cause)"
    r"|(?:should|must|need|are|is)(?: not|n't) (?:be )?counted\b"
    r"|(?:did not|didn't|don't|do not) count (?:\w+ )?(?:as|towards?|against|in) (?:this|the|our)"
    r" (?:incident|outage|one|failure)"
    r"|(?:right|just) before the (?:crash|error|failure|oom|abort)\b"
    # `It wasn't the cause.`
    r"|(?:was|is|were|are)(?:n't| not) (?:the|our) (?:real |actual |root )?(?:cause|culprit"
    r"|trigger)\b"
    r"|a distraction|false (?:alarms?|leads?|trails?|positives?|hits|matches)|ruled out|excluded"
    r"|(?:symptom|consequence|effect)s?,? not (?:the |a )?(?:root )?cause"
    r"|(?<!not )(?<!n't )(?:an?|another)\s+(?:different|separate|distinct|unrelated|older"
    r"|known)\s+"
    r"(?:\([^)]{0,40}\)\s+)?(?!(?:kind"
    r"|wording|form|name|version|spelling)\b)\w+"
    # (not a value that varies: `a different user folder each time, same error`)
    r"(?<!\bfolder)(?<!\bpath)(?<!\bport)(?<!\bpid)(?<!\bvalue)(?<!\bid)"
    r"(?![^.;]*\b(?:each|every) (?:time|run|request|call|occurrence)|[^.;]*\bsame error)"
    r"|not (?:by |from |part of )?(?:this|the|our) (?:incident|outage|problem|issue|cause|culprit"
    r"|failure|bug)\b|(?:my|our) (?:own )?doing"
    # (... the incident's error said so, `isn't the incident's error`, `Looks similar, not the
    # incident's error`)
    r"|(?:(?:is|was|are|were)(?:n't| not)|,\s*not) (?:the|this|our) (?:incident|outage)'s"
    r" (?:error|failure|problem)\b|(?:is|was)(?:n't| not) the (?:real |actual )?error\b"
    r"|(?:our|the) (?:\w+'s )?(?:own|internal) (?:chatter|(?:re)?connect(?:ion)? messages"
    r"|(?:(?:re)?connect(?:ion)? |retry )?attempts|retry (?:log|lines?|messages?))\b"
    r"|the (?:symptom|error|one) that mattered\b"
    # (`that's the client's reconnect loop, background only`)
    r"|\breconnect(?:ion)? loop\b|\bbackground (?:only|noise|chatter)\b"
    # (a different bug, shortened: `"no such table: import_runs" is a diff bug`)
    r"|\b(?:is|was|are|were|'s) an? diff(?:\.|erent)? (?:bug|issue|problem|ticket|error)\b"
    r"|neither (?:of them |one )?(?:is|was) (?:the|an) (?:error|cause|failure)"
    r"|(?:is|are|was|were)(?: not|n't) (?:an? )?(?:errors?|failures?)\b"
    r"|,\s*not (?:an? )?(?:errors?|failures?)\s*(?:[.;]|$)"
    r"|wrong (?:incident|one|thread|ticket|service|path|track|tree|lead|turn)"
    r"|(?:was|were|'s|one is) (?:me|us)(?![\w-])|(?:is|are|was|were) (?:all\s+)?(?:mine|ours)\b"
    r"|not what (?:we|broke|took|caused|paged|alerted|fired|woke|triggered)"
    r"|not what (?:[\w-]+\s+){0,2}(?:threw|raised|returned|gave|sent|errored|failed|died|crashed"
    r"|reports|reported|surfaced|shows|showed|sees|saw)\b"
    r"|(?:only|just)(?:\s+\w+){0,2}?\s+(?:in|on|from)\s+"
    r"(?:(?:the|a|an|my|our|\w+'s)\s+)?(?:staging|dev|test|qa|pre-?prod|laptop|local|sandbox"
    r"|developer)\b|(?:staging|dev|test) only"
    r"|not (?:in|on) prod(?:uction)?"
    # (`"reconnected … after Connection refused" is the recovery, not another failure`)
    r"|(?:is|are|was|were) (?:just |only )?(?:the |its |a )?(?:client's |app's )?recovery\b"
    # (`"reconnected … after Connection refused" is the main cache reconnecting, fine`)
    r"|(?:is|are|was|were|'s) (?:just |only )?(?:the |its |a |our )?(?:[\w-]+ ){0,3}"
    r"(?:reconnecting|recovering)\b(?!\s+(?:fail|and fail|but))"
    r"|not (?:another|a second|a new|a separate) (?:failure|error|incident|outage)\b"
    # (a CI run's other failure: `… in the same job is another test`, `comes from another job`)
    r"|(?:is|are|was|were|'s|comes? from|came from|belongs? to) (?:just |only )?(?:another"
    r"|a different|a separate|the other) (?:test|job|suite|spec|check|build step)s?\b"
    # (`Those are consequences, nginx marking them down.`)
    r"|(?:is|are|was|were) (?:just |only |all |merely )?(?:a |the )?(?:consequences?"
    r"|after-?effects?|knock-on (?:effects?|errors?)|follow-on (?:effects?|errors?)"
    r"|downstream effects?)(?=\s*[,.;]|\s*$)"
    r"|(?:is|are|was|were) (?:just |only |all |merely )?(?:the |its )?aftermath\b"
    # (`… is the fresh-db case in the test env`)
    r"|(?:is|are|was|were) (?:just |only )?(?:the |a |an )?(?:[\w-]+ ){0,2}(?:case|path|thing)"
    r" (?:in|on|from) (?:the |our )?(?:test|staging|dev|qa|ci|local)\b"
    # (`…, which is the dry-run on a fresh DB`: a rehearsal, not the service failing)
    r"|(?:is|are|was|were|'s) (?:just |only )?(?:the |a |an |our )?dry[- ]?runs?\b"
    # what the team's own action caused: `a symptom of the fix`, `an artefact of the remount`
    r"|(?:symptom|side[- ]effect|result|artefact|artifact|by-?product|consequence|effect)s? of"
    r" (?:the|our|my) (?:own )?(?:fix|rollback|remount|restart|cleanup|workaround|mitigation|action"
    r"|actions|intervention|change"
    r"|debugging|investigation|recovery|attempt|test)"
    # a lead that went nowhere
    r"|(?:went|led) nowhere|dead[- ]end|(?:did not|didn't|never) pan(?:ned)? out"
    r"|came (?:up|back) empty|out of scope|dropped the idea|fallout|collateral"
    r"|(?:was|were|is|are)(?: not|n't) (?:involved|a factor)|played no (?:part|role)"
    # (`… are from when I remounted it ro`)
    r"|from when (?:i|we|they|someone|the on-?call) (?:remounted|restarted|rolled back|reverted"
    r"|tested|debugged|killed|stopped|cleaned)\b"
    r"|from (?:the|our|my) (?:own )?(?:remount|rollback|cleanup|fix|debugging|testing"
    r"|workaround|mitigation)\b"
    # the error alerted on, set against it: `…, but the metadata timeout is what we alert on`
    r"|but the (?:[\w-]+ ){1,3}(?:is|was) what (?:[\w ]{0,40}?)(?:we|you) (?:alert|page|alerted"
    r"|paged) on\b"
    # another thing named as what was wanted: `, but the alert we want is the metadata timeout`
    r"|the (?:\w+ )?(?:alert|error|signal|line) (?:we|you) (?:want|need|care about|page on"
    r"|alert on)(?: to see)? (?:is|was|are)\b"
    # (`…, but our alert should be on the publish failure`)
    r"|\bbut (?:our|the) (?:alert|page|signal|signature)s? (?:should|must|needs? to) (?:be|fire"
    r"|trigger|key) on\b"
    r"|(?:on|in) (?:my|our|the) list of suspects|pre-?dates?|pre-?dated"
    r"|during (?:the |our )?(?:rollback|remount|cleanup|investigation|debugging|maintenance"
    r"|fix)"
    # `turned out to be a cron job`, not `turned out to be caused by the missing index`
    r"|(?:turned out|proved) to be (?!(?:caused|due|triggered|the (?:real|root|actual|main)|our"
    r"|exactly|this)\b)|came from (?:another|a different|the other|an old|an"
    r" unrelated)|can be (?:ignored|disregarded)|safe to (?:ignore|disregard)"
    r"|(?:does|did|do)(?:n't| not) matter"
    r"|not relevant|from (?:last|the previous) (?:week|month|year|sprint|quarter)"
    # `those were there last month too`; not `not there last month`
    r"|(?<!not )(?<!n't )(?:there|around|present|logged|seen)\s+(?:already\s+)?(?:last|the"
    r" previous) (?:week|month|year|sprint|quarter)"
    r"|from (?:an? |the )?(?:earlier|older|previous|past|last) (?:incident|outage)"
    r"|(?:ignore|disregard)(?:\s+(?:it|them|those|these|that))?\W*$"
    # a formal report's: not counted, a consequence of the remediation, did not contribute
    r"|not (?:being )?counted|fixed (?:well )?before (?:this|it|the (?:incident|outage))|a typo\b"
    r"|follows (?:from )?the\b"
    r"|(?:were|was|are|is) our (?:own )?(?:admin|manual|test|debug\w*|investigation)\b"
    r"|(?:'s|is) (?:the |its |the client's )?(?:own )?start-?up (?:msg|message|noise|line)s?\b"
    r"|\bfine once\b"
    r"|(?:has |have )?always been there"
    r"|(?:consequence|side[- ]effect|result) of (?:the|our"
    r"|my)\b[^.;\x01]{0,60}?\b(?:remount\w*|rollback|restart\w*|fix\w*|cleanup|remediation"
    r"|mitigation|workaround)|what came \W{0,2}(?:before|after)\W{0,2} the|follow-?on (?:once"
    r"|after|when|from)|reacting (?:afterwards|after(?:wards)? (?:it|that))"
    # a formal report's verdict: `is distinct from the finding above`, `recorded for completeness`
    r"|(?:distinct|separate) from (?:the|this|our|that)|for completeness only"
    # not the thing alerted on: `not something we need to alert on separately`, `the guard
    # rather than the same limit`
    r"|not (?:something|anything|a thing|one|what)\s+(?:that\s+)?(?:we|you|anyone|to)\b"
    r"(?:\s+[\w']+){0,3}?\s+(?:alert|page|act|worry|care)\w*"
    r"|rather than (?:the|our|a) (?:same|real|actual)\b"
    # another day's: `but this was other day`, `on a different day`, `from the day before and
    # already fixed`
    r"|\b(?:an?\s+|the\s+)?(?:other|different) day\b|\banother day\b"
    r"|from (?:the day before|yesterday|the previous day|an earlier (?:day|run|deploy))\b"
    # a doubt asked of it (`There's also a "…" in the same log, is that related?`)
    r"|\b(?:is|are|was|were|could) (?:that|this|it|these|those|they)(?: be)? (?:even )?"
    r"(?:related|relevant|connected|the same(?: (?:thing|error|issue|bug))?)(?=\s*\?)"
    # (`… is from the first attempt (typo, already reverted)`)
    r"|(?:is|are|was|were) from (?:the|an|our|my) (?:first|earlier|previous|older|old|last)"
    r" (?:attempt|try|run|deploy|config|rollout|release|test)\b|\balready reverted\b"
    # (`… is from someone's broken test config earlier that morning`)
    r"|(?:is|are|was|were) from (?:someone|somebody|a colleague|another team)'s (?:[\w-]+ ){0,2}"
    r"(?:config|test|run|script|experiment|deploy|box|laptop)\b"
    r"|(?:was|were|had been|is) already fixed\b|and already fixed\b"
    # the app's own warning that names the error (`is our own capacity warning, it names the
    # error but isn't one`)
    r"|(?:is|are|was|were|'s) (?:just |only )?(?:our|the app's|the service's) own (?:[\w-]+ )?"
    r"(?:warning|check|probe|health ?check|alert|notice|info line)s?\b"
    r"|\bbut (?:is|was|are|were)(?:n't| not) (?:one|an error|errors)\b"
    # the one quoted, told apart from the incident's error by name (`so that one is not the
    # timeout`)
    r"|\b(?:that|this) one (?:is|was)(?:n't| not) the (?!(?:only|same|first|last|one)\b)\w+"
    # a tool's report of what failed beneath it (`… is only Terraform telling us the script
    # exited 1`)
    r"|(?:is|are|was|were|'s) (?:just|only|merely) (?:[\w-]+ ){1,2}telling (?:us|you)\b"
)
