//! Site furniture: what a web page or an e-mail puts around a piece, never part of it.

use std::sync::LazyLock;

use regex::Regex;

use super::patterns::{name_pattern, re};

/// A header after which a page lists other pieces, or its comments ("Comments (2)", "Discussion
/// about this post"): everything from it on is furniture.
static RELATED_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:check also|related|related (?:articles?|stories|story|posts?|content|reading|coverage|pieces?|news|publications?|research|reports?|papers?|briefs?|analys[ie]s|commentar(?:y|ies))|(?:recent|latest|popular|most read|other) (?:posts|articles|stories)|read more|read also|also read|read next|what to read next|see also|more (?:on|from|in|about|by) .{1,40}|more stories|more (?:commentar(?:y|ies)|analys[ie]s|articles|posts|opinion|columns|essays|reports|publications|briefs|insights|news|blogs?|podcasts|videos)|you (?:may|might) also (?:like|enjoy|be interested in)|recommended(?: for you| reading)?|most (?:read|popular|viewed)|latest(?: news| stories)?|further reading|trending(?: now)?|editor'?s picks|comments?|\d+ comments?|comments? \(\d+\)|discussion(?: about this (?:post|article|piece|story))?|leave a (?:comment|reply)|join the (?:conversation|discussion)|popular posts|top stories)\s*:?$",
    )
});

/// "About Jane Roe", "About the author": a box holding a bio, or another writer's card.
static ABOUT_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?:(?i:about|über|ueber|à propos d[eu]s?|a propos d[eu]s?|sobre|over)\s+(?:(?i:the\s+authors?|(?:die|den|der|l'|les?|la|el|los|las|de)\s*(?:autor\p{{L}}*(?:[:*]innen)?|auteur\p{{L}}*|author\p{{L}}*|schrijver\p{{L}}*)|the\s+writers?|the\s+contributors?|the\s+(?:reviewers?|critics?|columnists?)|this\s+author|us)|{0})|(?i:(?:the\s+)?authors?|contributors?|written by|(?:authors?\s+)?bios?|(?:authors?\s+)?biograph(?:y|ies)|notes? on (?:the )?contributors?)|(?i:written by|by)\s+{0})\s*:?$",
        name_pattern()
    ))
});

/// "Read more: …" and the like standing alone inside the body: a teaser for another piece, or a
/// campaign's call to act ("Sign our petition: … Add your name").
static INLINE_PROMO: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:read more|read also|also read|related|see also|read next|recommended|more on this|listen|watch|sign (?:our|the|this) (?:petition|open letter|pledge)|take action|act now|donate(?: now| today)?|(?:read|download) (?:the|our) (?:full |whole )?(?:report|paper|study|briefing|research|analysis))\s*[:|–—\-]\s*\S",
    )
});

static TAGS_LINE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?i:tags|topics|filed under|categories|keywords|key words)\s*:\s*\S"));

/// Captions, credits, republication notes, disclaimers and "follow me" lines.
static NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:(?:photo|photograph|picture|image|illustration|credit|photo credit|caption|pictured|top image|header image)\s*:\s*\S|this (?:article|piece|essay|commentary|op-ed|post|column|analysis) (?:was|is|has been|first appeared)|a version of this (?:article|piece|essay)|(?:first|originally) (?:published|appeared)|cross-?posted (?:from|on|at)\b|the views expressed|views expressed|(?:the\s+)?opinions?\s+expressed\b|[^.]{0,80}\b(?:give|gives|reflect|reflects|express|expresses|represent|represents)\s+(?:only\s+)?the\s+(?:personal\s+)?(?:views?|opinions?)\s+of\s+(?:the|its)\s+authors?\b|disclaimer\s*:|follow\s+.{1,60}\s+on\s+(?:x|twitter|bluesky|mastodon|linkedin|instagram|facebook|threads|substack)\b|exported from\b|canonical link\b|originally published (?:at|on|in)\b|enjoyed (?:this|reading)\b|forwarded (?:to you|this)\b|not (?:yet )?subscribed\b|(?:subscribe|sign up)\s+(?:now|here|today|for|to)\b|was this (?:article|piece|story) (?:useful|helpful)|(?:note:\s*)?this (?:article|piece|post|blog post|commentary) (?:gives|reflects|represents|expresses) the views|(?:featured )?image credit\s*:|sent from my\b|get outlook for\b|sent from (?:outlook|mail|yahoo mail|gmail|proton ?mail)\b|comments are (?:open|closed|moderated)\b|please keep (?:comments|it|them) (?:civil|respectful|on topic)\b|this (?:site|website) uses cookies\b|we use cookies\b|(?:competing|conflicting)\s+interests?\s*:|conflicts?\s+of\s+interests?\s*:|declarations?\s+of\s+interests?\s*:|(?:©|\(c\)|copyright)\s*(?:\d{4}|\p{Lu}))",
    )
});

/// A page's controls and labels, alone on their line: "Advertisement", "Download PDF", "Cite
/// this", "View profile", a paywall's badge ("★ Member-only story").
static PAGE_CONTROL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:advertisement|advert|ad|sponsored(?: content)?|like this:(?:\s+like\s+loading\W*)?|(?:★\s*)?members?[- ]only(?: story| post| article)?|download(?: the)? (?:pdf|report|article)|cite this(?: article| page)?|copy citation|how to cite|view (?:my |full |my complete |complete )?profile|view (?:all )?(?:posts|articles) by .{1,60}|(?:view|see) all of .{1,60}['’]s? (?:posts|articles|stories)|more by .{1,60}|print(?: this)?(?: article| page)?|listen(?: to (?:this )?article)?|save(?: for later)?|bookmark|back to top|scroll to top|skip to (?:main )?content|(?:show|hide) comments|read (?:the )?full (?:article|story))\s*[.:!]?$",
    )
});

/// A newsletter's or a blog's prompt: "Thanks for reading…", "… in your inbox", "Get our morning
/// briefing".
static NEWSLETTER_PROMPT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:thanks for reading\b|if you (?:enjoyed|liked|found value in) this (?:piece|post|article|story|essay)\b|(?:welcome|hello|hi|a (?:warm )?welcome),?\s+(?:to\s+)?(?:the\s+|all\s+(?:the\s+)?|our\s+)?(?:[\d,]+\s+)?new\s+(?:subscribers|readers|members)\b|(?:our|the|a)\s+(?:[\w-]+\s+){0,3}(?:briefing|newsletter|digest|bulletin|round-?up)\b.{0,80}$|.{0,120}\b(?:in|to|straight to) your inbox\b|.{0,120}\bunsubscribe (?:at any time|anytime)\b|(?:get|receive|join)\s+(?:the|our)\s.{0,60}\b(?:newsletter|briefing|digest|bulletin)\b|(?:become|upgrade to) a (?:paid |free )?subscriber\b|.{0,80}\b(?:funded by (?:its|our) readers|consider (?:a|making a) (?:monthly |regular )?(?:contribution|donation)|support (?:independent|our) (?:\w+ )?journalism|we have a (?:small )?favou?r to ask)\b|.{0,200}\bwe have no (?:shareholders|billionaire owners?)\b)",
    )
});

/// A submission's own count: "Word count: 621", "Length: c. 600 words", "[ 672 words ]", in
/// characters as German and French desks count ("Zeichen (inkl. Leerzeichen): 3.712 / approx. 575
/// words").
static WORD_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:(?:word\s*count|words|length|characters|zeichen|caract[èe]res|signes)(?:\s*\([^)]*\))?\s*:?\s*(?:c\.|ca\.|approx\.?|about|around)?\s*\d[\d,.]*(?:\s*(?:words|characters|zeichen))?(?:\s*\([^)]*\))?(?:\s*/\s*[^/]{1,40})?\s*\.?|[\[(]\s*(?:c\.|approx\.?|about|around)?\s*\d[\d,.]*\s+words\s*[\])]|(?:c\.|ca\.|approx\.?|about|around)?\s*\d[\d,]*\s+words\.?)$",
    )
});

/// "Draft for the review pages. Word count c. 620. Book details at the end.": a short note whose
/// one sentence is the count alone, a sentence no copy is made of.
static COUNT_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[.!?]\s+)(?i:word\s*count|length)\s*:?\s*(?i:c\.|ca\.|approx\.?|about|around|~)?\s*\d[\d,]*(?:\s*(?i:words))?\s*(?:\.\s|\.?$)",
    )
});

/// "Full product list and code are in the repository. Word count: 870.": a short note closing
/// the file with the count alone as one of its sentences, whatever else it says; read only in
/// the run that closes the piece.
pub(super) fn is_count_note(text: &str) -> bool {
    text.split_whitespace().count() <= 30 && COUNT_SENTENCE.is_match(text.trim())
}

/// A word only a note about the submission says beside its count: its draft, its pages, its
/// pictures ("The rules were strict. Word count: 500. No exceptions." is copy).
static NOTE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:draft|pages?|photos?|pictures?|images?|attached|details|desk|editor|deadline|invoice)\b",
    )
});

/// "Invoice: sent 4 Dec, INV-NF-2026-031", "Fee: as agreed", "Invoice to follow": the writer's
/// billing line for the desk, not copy.
static BILLING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:(?:invoice|invoice\s+no\.?|my\s+fee|fee\s+as\s+agreed)\s*(?:\([^)]*\))?\s*:?\s*\S|invoice\s+(?:to\s+follow|attached|sent|enclosed)\b)",
    )
});

/// "invoice to follow", "my invoice": billing named anywhere in a short line.
static INVOICE_MENTIONED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:invoice\s+(?:to\s+follow|will\s+follow|attached|enclosed|under\s+separate\s+cover)|my\s+invoice)\b",
    )
});

/// What an e-mail puts around a piece: a greeting, a cover note, a pitch, a word count.
static COVER_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:(?:dear|hi|hello|good (?:morning|afternoon|evening)|to whom)\b.{0,60}$|(?:subject|re|fwd?|pitch|word count|words|length|attached|attachment|please find|please consider|passing (?:this|it) on|forwarding (?:this|it)\b|i am (?:pleased|delighted|writing)|i'?m (?:pleased|delighted|writing)|i would like to|i'?d like to|here is|here'?s|enclosed|submission)\b)",
    )
});

/// "Best regards," and the like: the e-mail's end, after which comes only a signature.
/// A letter may thank the editor in its closing words ("With my thanks for your consideration and
/// kind regards,"): still its sign-off.
static SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:(?:with\s+(?:my|our|many)\s+thanks\s+for\s+your\s+(?:time|consideration|interest)\s+and\s+)?(?:with\s+)?(?:best regards|kind regards|warm regards|warmest regards|regards|best wishes|warm wishes|all the best|all best|many thanks|thanks(?: again| so much| very much)?|thank you(?: so much| very much)?|sincerely|yours sincerely|yours faithfully|yours truly|yours|cheers|best|warmly|mit freundlichen gr(?:ü|ue|u)(?:ß|ss)en|(?:viele|beste|liebe|herzliche) gr(?:ü|ue|u)(?:ß|ss)e|gr(?:ü|ue)(?:ß|ss)e|gru(?:ß|ss)|(?:vielen )?dank(?:e)?(?:\s*(?:&|und)\s*gr(?:ü|ue|u)(?:ß|ss)e?)?|merci(?: beaucoup)?|grazie(?: mille)?|gracias|bedankt|(?:bien )?cordialement|bien (?:à|a) vous|met vriendelijke groet(?:en)?|(?:un )?saludos?(?: cordiales)?|atentamente|cordiali saluti|distinti saluti)(?:\s+for\s+(?:considering|your (?:time|consideration|interest)|looking|reading (?:this|it))[^,.!]{0,40})?)\s*[,.!]?(?:\s*/\s*[\p{L} ]{3,30}[,.!]?)?(?:\s+(?P<rest>\p{Lu}.*))?$",
    )
});

/// What an e-mail's lawyers add under it.
static LEGAL_NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:please consider the environment before printing\b|think before you print\b|confidentiality notice|confidential(?:ity)?\s*:|disclaimer\s*:|this (?:e-?mail|message)(?: message)?(?: and any (?:attachments?|files)[^.]{0,60}?)? (?:is|are|may be|may contain|contains?) (?:confidential|intended|privileged)|if you (?:are not|have received this)|diese (?:e-?mail|nachricht) (?:kann|enthält|ist)|ce (?:message|courriel|e-?mail) (?:et|est|peut|contient)|dit (?:e-?mail)?bericht|deze e-?mail (?:kan|is|bevat))",
    )
});

/// A label opening the copy ("TEXT:", "BODY:", a web form's "Your submission:") or an end mark
/// after it ("ENDS", "-30-").
static COPY_MARK: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?i:(?:text|body|copy|article|story|piece)\s*:|your\s+(?:submission|article|piece|letter|opinion\s+piece|contribution)\s*:|ends|end|-+\s*30\s*-+|#{{3}}|\*{{3}}|[-–—]+\s*ends?\s*[-–—]+|{RULE}\s*(?:(?:start|begin)(?:\s+of)?\s+)?{COPY_KIND}\s*{RULE}|{COPY_START_WORDS}|{COPY_END_WORDS})$",
    ))
});

/// What a rule around a mark on a copy sheet is made of: "---", "====", "***".
const RULE: &str = r"[-=*~_–—]{2,}";

/// What a copy sheet calls the piece in its marks: "COPY", "OP-ED", "ARTICLE".
const COPY_KIND: &str =
    r"(?:the\s+)?(?:text|body|copy|article|story|piece|op-?ed|column|comment(?:ary)?|submission)";

/// "--- COPY STARTS ---", "---- OP-ED BEGINS ----", "=== START OF ARTICLE ===", "[ARTICLE
/// BEGINS]": the copy from here on. "=== FINAL TEXT ===" under a forwarded thread: the version
/// agreed on, from here on; so is the version a reply names between rules ("=== v3 ===").
static COPY_START: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"^(?i:{COPY_START_WORDS})$")));

const COPY_START_WORDS: &str = r"(?:[-=*~_–—]{2,}\s*(?:(?:final|clean|finished)\s+(?:text|copy|version|draft)|v(?:ersion\s*)?\d{1,2}(?:\.\d{1,2})?|(?:starts?|begins?)(?:\s+of)?\s+(?:the\s+)?(?:text|body|copy|article|story|piece|op-?ed|column|comment(?:ary)?|submission)|(?:the\s+)?(?:text|body|copy|article|story|piece|op-?ed|column|comment(?:ary)?|submission)\s+(?:starts?|begins?|below|follows)(?:\s+(?:here|below))?)\s*[-=*~_–—]{2,}|\\?\[\s*(?:(?:starts?|begins?)(?:\s+of)?\s+(?:the\s+)?(?:text|body|copy|article|story|piece|op-?ed|column|comment(?:ary)?|submission)|(?:the\s+)?(?:text|body|copy|article|story|piece|op-?ed|column|comment(?:ary)?|submission)\s+(?:starts?|begins?|below|follows)(?:\s+(?:here|below))?)\s*\\?\])";

/// "--- COPY ENDS ---", "---- OP-ED ENDS ----", "=== END OF ARTICLE ===", "[END OF TEXT]".
const COPY_END_WORDS: &str = r"(?:[-=*~_–—]{2,}\s*(?:(?:the\s+)?(?:text|body|copy|article|story|piece|op-?ed|column|comment(?:ary)?|submission)\s+ends?(?:\s+here)?|end\s+of\s+(?:the\s+)?(?:text|body|copy|article|story|piece|op-?ed|column|comment(?:ary)?|submission))\s*[-=*~_–—]{2,}|\\?\[\s*(?:(?:the\s+)?(?:text|body|copy|article|story|piece|op-?ed|column|comment(?:ary)?|submission)\s+ends?(?:\s+here)?|end\s+of\s+(?:the\s+)?(?:text|body|copy|article|story|piece|op-?ed|column|comment(?:ary)?|submission))\s*\\?\])";

/// A mark on a copy sheet saying the piece starts under it ("--- COPY STARTS ---").
pub(super) fn is_copy_start(text: &str) -> bool {
    COPY_START.is_match(text.trim())
}
/// Notes to the desk above a headline: "Editor's note: …", "UPDATE:", "Embargoed until …", "Note
/// for the Courier desk: …" (the desk named with its paper).
static DESK_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:(?:editor'?s note|editors'? note|note (?:to|for) (?:the )?(?:[\p{L}'’]+\s+){0,3}?(?:editors?|desk|subs)|update[ds]?|correction|(?:a )?note from \p{L}[\p{L}.'’ -]{0,30}|guest post(?: by [^:]{1,40})?|(?:programming|housekeeping|scheduling|publishing|a quick|quick|a short|short|a brief|brief)\s+note)\s*[:—–\-]|(?:embargoed|embargo)\b|for immediate release\b|not for publication\b|(?:[\p{L}\-]+(?:\s+[\p{L}\-]+){0,3}\s*[–—:\-]\s*)?for (?:immediate )?publication\b|(?:an?\s+)?(?:article|op-?ed|opinion piece|comment piece|column|commentary|piece|copy)\s+for\s+(?:immediate\s+)?publication\b|(?:for|to)\s+the\s+(?:[\p{L}&'’]+\s+){0,3}(?:desk|editors?|subs)\s*[.:]?$|(?:exclusive\s+)?(?:op-?ed|article|opinion piece|comment piece|column|commentary)\s+offer\b|(?:photos?|pictures?|images?|headshots?|portraits?)\s*:\s*[^.]{0,80}\b(?:available|supplied|attached|on request)\b|exclusive (?:to|for) (?:your|the)\b|photo (?:suggestion|credit)s?\s*:|(?:photos?|photographs?|pictures?|images?|headshots?)(?:\s+of\s+[^.]{1,60}?)?\s+(?:are\s+)?(?:available|supplied|attached)\b|draft\s*:?$|(?:press|media|news)\s+release\b|(?:op-?ed|article|opinion piece|comment piece|column|commentary)\s+(?:available|offered)\s+(?:for|to)\s+(?:publication|publish)\b|free to (?:use|publish|republish)\s+with\b|[^.]{0,80}\b(?:for release|slug)\s*:)",
    )
});

/// A page's post metadata above the piece: "Posted on 4 March 2025", "5 min read", a date alone,
/// a count of what readers did ("18 responses", "412 claps", "1.2K views").
static POST_META: LazyLock<Regex> = LazyLock::new(|| {
    // "Wed 9 Apr 2025 06.00 CEST": a date may carry a time and a zone.
    let time = r"(?:,?\s+(?:at\s+)?\d{1,2}[.:]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,5})?)?";
    re(&format!(
        r"^(?i:(?:posted|published|updated|last updated|first published|last modified)\s+(?:on|by|at)\b.*|published in|member[- ]only(?:\s+story)?|(?:updated|published)\s*:?\s*\d.*|(?:\d+\s+)?\d+\s+min(?:ute)?s?\s+read|(?:estimated\s+)?reading\s+time\s*:?\s*\d+\s*min(?:ute)?s?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+.*\d{{4}}{time}|\d{{1,2}}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{{4}}{time}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{{1,2}},?\s+\d{{4}}{time}|\d{{4}}-\d{{2}}-\d{{2}}|\d[\d.,]{{0,6}}\s*[km]?\s+(?:comments?|responses?|replies|claps?|likes?|views?|shares?|reactions?|reads?|restacks?)|no\s+comments|and)$",
    ))
});

const SHARE_WORDS: &str = "share this article story post page on via facebook twitter x linkedin \
download pdf cite citation print listen save \
whatsapp email e-mail print tweet pinterest reddit telegram bluesky mastodon threads copy link \
messenger pocket flipboard mail and or the it with your friends click to opens in new window like \
follow us subscribe sign up for our newsletter save bookmark comment comments by loading a friend \
reddit … | / • · ∙ leave restack restacks likes ♡ ❤ ❤️ 💬 🔁";
const SHARE_CUES: &str = "share tweet facebook twitter linkedin whatsapp print subscribe download cite \
newsletter follow bookmark email e-mail pinterest reddit telegram bluesky mastodon messenger \
flipboard like loading";

pub(super) fn is_related_header(text: &str) -> bool {
    text.chars().count() <= 60 && RELATED_HEADER.is_match(text.trim())
}

pub(super) fn is_about_header(text: &str) -> bool {
    // A bilingual label ("Über die Autor:innen / About the authors:") is one when either half is.
    text.chars().count() <= 90
        && text
            .split(" / ")
            .any(|half| half.chars().count() <= 60 && ABOUT_HEADER.is_match(half.trim()))
}

/// "About the University of Luxembourg" over "The University of Luxembourg is a …": an
/// organisation's boilerplate, as a press office sets it under a piece it sends.
pub(super) fn is_boilerplate_header(text: &str, next: &str) -> bool {
    let text = text.trim().trim_end_matches(':');
    let Some(org) = text
        .strip_prefix("About ")
        .or_else(|| text.strip_prefix("ABOUT "))
    else {
        return false;
    };
    let bare = |s: &str| -> String {
        let s = crate::text::fold(s.trim());
        s.strip_prefix("the ").map_or(s.clone(), str::to_string)
    };
    let org_words = org.split_whitespace().count();
    (1..=8).contains(&org_words)
        && org
            .trim_start_matches("the ")
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        && bare(next).starts_with(&bare(org))
}

pub(super) fn is_inline_promo(text: &str) -> bool {
    text.split_whitespace().count() <= 30 && INLINE_PROMO.is_match(text.trim())
}

pub(super) fn is_tags_line(text: &str) -> bool {
    text.split_whitespace().count() <= 30 && TAGS_LINE.is_match(text.trim())
}

pub(super) fn is_notice(text: &str) -> bool {
    text.split_whitespace().count() <= 60
        && (NOTICE.is_match(text.trim())
            || VIEWS_AFTER_WHO.is_match(text.trim())
            || (text.split_whitespace().count() <= 40 && CREDIT_AT_END.is_match(text.trim())))
}

/// "Europa Policy Lab is an independent think tank. The views expressed in this commentary are
/// those of the authors …", "Fiscal Space is a blog about … . Views are my own, not my
/// employer’s.": a disclaimer after a sentence saying whose page it is.
static VIEWS_AFTER_WHO: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[^.]{1,120}\.\s+(?:(?i:the\s+)?(?i:views|opinions)\s+(?i:expressed|set out|in this)\b|(?i:(?:all\s+)?(?:views|opinions)\s+(?:are|here are)\s+(?:my|our)\s+own)\b)|^(?:(?i:both|all three|the authors?|the writers?)|\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+){0,2})\s+(?i:writes?|is writing|are writing)\s+(?i:in\s+(?:a|their|her|his)\s+personal\s+capacity)\.?$",
    )
});

/// "Visitors on the Avenida in August. Photo: Courier archive": a caption, its credit closing it
/// (a licence's version, "CC BY 2.0", is no sentence's end).
static CREDIT_AT_END: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"[.!?]\s+(?i:photo|photograph|picture|image|illustration|credit|photo credit)\s*:\s*(?:[^.:]|\.\d){1,60}\.?$",
    )
});

/// "1.4K", "312": a count of claps, likes or views.
static COUNT: LazyLock<Regex> = LazyLock::new(|| re(r"^\d[\d.,]*\s*[KkMm]?$"));

/// "1.2K37": a count in thousands run into the next count, as a page's side-by-side counts read
/// when their markup sets no space between them.
static COUNTS_RUN_ON: LazyLock<Regex> = LazyLock::new(|| re(r"^\d[\d.,]*[KkMm]\d[\d.,]*[KkMm]?$"));

/// "1.3K 41", "12", "1.2K37": a row of bare counts (claps, likes, comments), a word of none of
/// them.
pub(super) fn is_bare_counts(text: &str) -> bool {
    let mut counts = text.split_whitespace().peekable();
    counts.peek().is_some()
        && counts.all(|c| {
            COUNT.is_match(c) || COUNTS_RUN_ON.is_match(c) || !c.chars().any(char::is_alphanumeric)
        })
}

/// "412 claps · 18 responses", "1.2K views": counts of what readers did, each part a count and
/// its noun, as a post's page sets them over and under the piece.
static READER_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i)\d[\d.,]{0,6}\s*[km]?\s+(?:comments?|responses?|replies|claps?|likes?|views?|shares?|reactions?|reads?|restacks?|followers?|following|subscribers?)$",
    )
});

pub(super) fn is_reader_counts(text: &str) -> bool {
    let parts: Vec<&str> = text
        .split(['·', '•', '|'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    !parts.is_empty() && parts.len() <= 4 && parts.iter().all(|p| READER_COUNT.is_match(p))
}

/// "[EDITOR NOTES - remove before publication]", "[NOTES FOR THE DESK]": a mark opening a block,
/// its name in brackets; "[END EDITOR NOTES]", "[END OF NOTES]", "[/NOTES]": the mark closing it.
static BLOCK_MARK: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\[\s*(?P<end>(?i:end(?:\s+of)?\s+|/))?(?P<name>[^\[\]]{2,60}?)\s*\]$"));

/// A block's name: its words before any dash or colon ("EDITOR NOTES" in "EDITOR NOTES - remove
/// before publication"), folded.
fn block_name(name: &str) -> String {
    let name = name.split([':', '–', '—']).next().unwrap_or(name);
    let name = name.split(" - ").next().unwrap_or(name);
    crate::text::fold(name.trim())
}

/// What names a block of notes as the desk's: "EDITOR NOTES", "NOTES FOR THE DESK", "INTERNAL",
/// "remove before publication".
static DESK_BLOCK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:notes?|editors?|editorial|desk|subs|internal|instructions?|admin|office|comments?|private|remove\s+before|not\s+for\s+publication|do\s+not\s+publish)\b",
    )
});

pub(super) fn is_block_end_mark(text: &str) -> bool {
    BLOCK_MARK
        .captures(text.trim())
        .is_some_and(|c| c.name("end").is_some())
}

/// Where a block opened by a mark on the first line ("[EDITOR NOTES - …]") is closed by the same
/// mark's end ("[END EDITOR NOTES]") within `within` blocks: the closing block's index.
pub(super) fn marked_block_end(blocks: &[&crate::import::Block], within: usize) -> Option<usize> {
    let open = BLOCK_MARK.captures(blocks.first()?.text.trim())?;
    if open.name("end").is_some() {
        return None;
    }
    let name = block_name(&open["name"]);
    // A block for the desk says so; "[TRANSCRIPT] … [END TRANSCRIPT]" may be the piece's own.
    if name.is_empty() || !DESK_BLOCK.is_match(&open["name"]) {
        return None;
    }
    blocks
        .iter()
        .take(within)
        .enumerate()
        .skip(1)
        .find(|(_, b)| {
            BLOCK_MARK
                .captures(b.text.trim())
                .is_some_and(|c| c.name("end").is_some() && block_name(&c["name"]) == name)
        })
        .map(|(i, _)| i)
}

/// "Skip to main content", "Skip to content": the skip link a web page opens with, copied with
/// the page when it is pasted as plain text.
static SKIP_LINK: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?i:skip\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|article|navigation)\b)")
});

/// A web page pasted as plain text: its skip link (and the menu run on after it) opening the file,
/// then its breadcrumb ("Publications > Commentary", "Culture / Books", "ANALYSIS · FISHERIES"),
/// section label, post metadata and share line ("Share: Facebook | X | LinkedIn") down to the
/// headline. How many blocks they are, or `None` when the file opens otherwise.
pub(super) fn page_chrome_above(blocks: &[&crate::import::Block]) -> Option<usize> {
    let first = blocks.first()?.text.trim();
    let short = |t: &str| t.split_whitespace().count() <= 25 && !t.ends_with(['.', '!', '?']);
    if !(SKIP_LINK.is_match(first) && short(first)) {
        return None;
    }
    let breadcrumb = |t: &str| {
        // "ANALYSIS · FISHERIES": a section and its topic parted by a dot.
        let parts: Vec<&str> = t.split(['>', '»', '/', '·']).map(str::trim).collect();
        parts.len() >= 2
            && parts
                .iter()
                .all(|p| (1..=4).contains(&p.split_whitespace().count()))
    };
    let chrome = |b: &&&crate::import::Block| {
        let t = b.text.trim();
        short(t)
            && (breadcrumb(t)
                || SHARE_LABEL.is_match(t)
                || is_post_meta(t)
                || POST_META.is_match(t))
    };
    Some(1 + blocks[1..].iter().take_while(chrome).count())
}

/// "Share:", "Share this:" among a page's lines: its share buttons.
static SHARE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?:^|\s)share(?:\s+this(?:\s+article)?)?\s*:"));

pub(super) fn is_post_meta(text: &str) -> bool {
    if COUNT.is_match(text.trim()) {
        return true;
    }
    // "7 min read·Oct 18, 2024": each part a piece of post metadata.
    let parts: Vec<&str> = text
        .split(['·', '•', '|'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // "18 November 2026 · Comment": the kind of piece beside its date, as a page's byline row
    // sets it.
    // "Published in The Pass · 6 min read · Nov 18, 2026": the publication beside them too.
    if parts.len() > 1 {
        return parts
            .iter()
            .all(|p| is_post_meta(p) || PIECE_KIND.is_match(p) || PUBLISHED_IN.is_match(p))
            && parts.iter().any(|p| is_post_meta(p));
    }
    let text = text.trim_start_matches(|c: char| c.is_whitespace() || "•·|—–-".contains(c));
    // Counts without words ("1,284", "142 18", "1.3K 41"): views, likes, comments.
    let counts = is_bare_counts(text);
    if text.split_whitespace().count() <= 12 && (counts || POST_META.is_match(text.trim_end())) {
        return true;
    }
    // "18 February 2025 6 minute read": a date and a reading time run together, with no mark
    // between them: parted after the year.
    YEAR_THEN_MORE.captures(text.trim()).is_some_and(|c| {
        is_post_meta(&c["date"]) && !c["rest"].is_empty() && is_post_meta(&c["rest"])
    })
}

/// "Published in The Pass": a platform's publication, a capitalised name and nothing more
/// ("Published in the UK by Fourth Estate, £20" is a book's details).
static PUBLISHED_IN: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?i:published in)\s+(?:the\s+|The\s+)?\p{Lu}[\p{L}&'’ ]{0,40}$"));

/// The kind of piece a page names beside its date.
static PIECE_KIND: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:comment|commentary|analysis|opinion|op-ed|blog|blog post|news|feature|review|interview|report|briefing|explainer|essay|column|podcast|long read|insight|perspective|policy brief)$",
    )
});

static YEAR_THEN_MORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?P<date>.{3,30}?\b\d{4})\s+(?P<rest>\S.{0,40})$"));

/// "Share this:", "Share on Facebook", "Facebook Twitter LinkedIn Email", "Like this:".
pub(super) fn is_share_prompt(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | '!' | '.' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .collect();
    let known = |list: &str, w: &str| list.split_whitespace().any(|k| k == w);
    // Share links pasted from a page run together into one paragraph of share words only, with
    // the counts a newsletter sets beside them ("♡ 214 · 💬 37 · Share", "Share · Leave a
    // comment").
    !words.is_empty()
        && words.len() <= 60
        && words
            .iter()
            .all(|w| known(SHARE_WORDS, w) || w.chars().all(|c| c.is_ascii_digit()))
        && words.iter().any(|w| known(SHARE_CUES, w))
}

/// A greeting or a cover note of the e-mail a piece came in.
pub(super) fn is_cover_note(text: &str) -> bool {
    text.split_whitespace().count() <= 80 && COVER_NOTE.is_match(text.trim())
}

/// A sign-off, and what follows it on the same line (the signature, when lines were joined).
pub(super) fn sign_off(text: &str) -> Option<String> {
    if text.split_whitespace().count() > 40 {
        return None;
    }
    let caps = SIGN_OFF.captures(text.trim())?;
    Some(caps.name("rest").map_or("", |m| m.as_str()).to_string())
}

pub(super) fn is_legal_notice(text: &str) -> bool {
    text.split_whitespace().count() <= 150 && LEGAL_NOTICE.is_match(text.trim())
        || (text.split_whitespace().count() <= 40 && REGULATED_FIRM.is_match(text.trim()))
}

/// "Ellery & Stone Wealth Management is authorised and regulated by the Financial Conduct
/// Authority.", perhaps with the firm's registration after it: the notice a regulated firm sets
/// under its mail, a paragraph of its own, the firm named by its capitalised name; a sentence
/// saying so inside copy goes on to say more, or speaks of "the adviser", "your bank".
static REGULATED_FIRM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\p{Lu}[\p{L}'’.-]*(?:\s+(?:&|and|of|\p{Lu}[\p{L}'’.-]*)){0,8}\s+(?i:is|are)\s+(?i:authori[sz]ed\s+and\s+regulated|regulated\s+and\s+authori[sz]ed)\s+by\s+(?:the\s+)?\p{Lu}[\p{L}&() ]{1,80}(?:\s*\(\p{Lu}{2,6}\))?(?:\s+(?i:under|with)\s+(?i:firm\s+)?(?i:reference|registration|number|no\.?)\s*[\w ]{1,20})?\.(?:\s+(?i:registered)\b[^\n]{0,200})?$",
    )
});

/// A mark that ends the copy ("ENDS", "-30-", "###"): what follows is not the piece. Not "***",
/// which breaks a piece into sections.
/// "--- END TEXT ---", "=== ENDS ===": the same set between rules.
/// "--- COPY ENDS ---", "---- OP-ED ENDS ----": the piece's kind and "ENDS" between rules.
/// "[ENDS – 812 words] [NB subs: check the figure]": an end mark in brackets with a word count
/// or notes to the subs beside it; "ENDS – pics: library shots OK to use": the mark in capitals,
/// the notes after a dash.
static END_MARK: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?:ENDS?\s+[-–—]\s+\S.{{0,200}}|ENDS\.\s+\S.{{0,300}}|(?i:ends?|\[ends?\]|-+\s*30\s*-+|#{{3}}|[-–—]+\s*ends?\s*[-–—]+|[-=*~_–—]{{2,}}\s*(?:ends?|end\s+(?:of\s+)?(?:text|body|copy|article|story|piece))\s*[-=*~_–—]{{2,}}|{COPY_END_WORDS}|\\?\[\s*ends?\b[^\]]{{0,80}}\](?:\s*\\?\[[^\]]{{0,300}}\])*))$",
    ))
});

pub(super) fn is_end_mark(text: &str) -> bool {
    let text = text.trim();
    // "NNNN": a wire's end of message, on its own line or closing the wire's trailer (keywords,
    // copyright) run together into one paragraph.
    // "ENDS" over a rule and the wire's copyright with no blank line between, run into one
    // paragraph: the mark and the rule open it, and what follows them is the wire's too.
    let mut words = text.split_whitespace();
    let ends_over_rule = words.next().is_some_and(|w| END_MARK.is_match(w))
        && words
            .next()
            .is_some_and(|w| w.chars().count() >= 3 && w.chars().all(|c| "-=*~_–—".contains(c)));
    // "----- 8< -----", "-- >8 --", "✂ -----": scissors over a rule, the mark e-mail writers
    // leave where what follows is to be cut off (a signature, its disclaimer).
    let bare = text.trim_matches(|c: char| "-=*~_–—".contains(c) || c.is_whitespace());
    let cut_mark = bare.len() < text.len() && matches!(bare, "8<" | ">8" | "✂" | "✂\u{fe0f}");
    END_MARK.is_match(text)
        || cut_mark
        || (text.split_whitespace().count() <= 80 && (text == "NNNN" || text.ends_with(" NNNN")))
        || (text.split_whitespace().count() <= 80 && ends_over_rule)
}

pub(super) fn is_copy_mark(text: &str) -> bool {
    COPY_MARK.is_match(text.trim())
}

pub(super) fn is_desk_note(text: &str) -> bool {
    // "*** EMBARGOED UNTIL 00:01 CET ***": the marks around it are not the note.
    let text = text.trim().trim_start_matches(|c: char| {
        matches!(c, '*' | '_' | '=' | '#' | '[' | '(' | '\\') || c.is_whitespace()
    });
    text.split_whitespace().count() <= 60 && DESK_NOTE.is_match(text)
}

/// "Lefèvre_Ibáñez_regions_FINAL_v4 (2).docx": a document's file name, pasted above its text.
static FILE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^[^\s.!?][^\n]{0,150}[^\s.]\.(?i:docx?|odt|rtf|pages|pdf|txt|md|html?)$")
});

pub(super) fn is_file_name(text: &str) -> bool {
    let text = text.trim();
    text.split_whitespace().count() <= 8
        && FILE_NAME.is_match(text)
        && !text.contains(". ")
        && !text.contains(", ")
}

/// "Do you have an opinion on the issues raised in this article? … letters": the page's
/// invitation to write to it; "Have you been affected by …? Contact our newsroom at …": its
/// call for readers' stories.
static LETTERS_PROMPT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:do you have an opinion on\b|have your say\b|(?:if you would|would you) like to (?:submit|send|write) a (?:letter|response|reply)\b|write to us\b|letters? to the editor\s*:|(?:have you been|were you) affected by\b[^?]{0,100}\?\s*(?:contact|e-?mail|get in touch with|write to|call|message|tell)\s+(?:us|our)\b|do you have (?:a story|information)\b[^?]{0,100}\?\s*(?:contact|e-?mail|get in touch with|write to|call|message|tell)\s+(?:us|our)\b)",
    )
});

/// Whatever a reader would not miss from the body: share prompts, teasers, notices, tags lines.
pub(super) fn is_furniture(text: &str) -> bool {
    is_share_prompt(text)
        || is_inline_promo(text)
        || is_notice(text)
        || is_legal_notice(text)
        || is_page_control(text)
        || is_newsletter_prompt(text)
        || WORD_COUNT.is_match(text.trim())
        || bracketed(text).is_some_and(|inner| WORD_COUNT.is_match(inner))
        || (is_count_note(text) && NOTE_WORD.is_match(text))
        || (text.split_whitespace().count() <= 20 && BILLING.is_match(text.trim()))
        // "Owen Tredegar – owen@… – invoice to follow under separate cover": the writer's
        // address and billing on one line.
        || (text.split_whitespace().count() <= 20
            && text.contains('@')
            && INVOICE_MENTIONED.is_match(text))
        || is_contact_row(text)
        || (text.split_whitespace().count() <= 80 && LETTERS_PROMPT.is_match(text.trim()))
        || is_to_the_desk_at_the_end(text)
        || is_filed_under(text)
        || (text.split_whitespace().count() <= 40 && AGENCY_CREDIT.is_match(text.trim()))
        || (text.split_whitespace().count() <= 50 && DONATION_APPEAL.is_match(text.trim()))
}

/// A box of figures labelled as one (below), where it closes the piece: mid-copy, "Key facts: the
/// ferry carries 400 pupils a day" is the writer's sentence.
pub(super) fn is_fact_box(text: &str) -> bool {
    text.split_whitespace().count() <= 150 && FACT_BOX.is_match(text.trim())
}

/// "FACTBOX – Reception intakes: 2019: 2,940 | 2025: 2,760", "Fact file: …": a box of figures
/// labelled as one, set after the piece for the desk to lay out beside it, not its copy.
static FACT_BOX: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[*_]*(?i:fact\s*(?:box|file|sheet)|key\s+facts)[*_]*\s*[:–—-]\s*\S"));

/// "Independent reporting … costs money. If you value this article, please consider becoming a
/// supporter from just €5 a month.": the page asking its readers for money.
static DONATION_APPEAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:please\s+)?consider\s+(?:becoming\s+an?\s+(?:supporter|member|patron|paying\s+subscriber)|supporting\s+(?:us|our\s+(?:work|journalism|reporting))|(?:making\s+)?a\s+(?:small\s+)?(?:donation|contribution)|donating)\b",
    )
});

/// "(Reporting by Sofia Andersson in Malmö; editing by Henrik Dahl)", "(Additional reporting by
/// …)", "(Writing by …; Editing by …)": an agency's credits for its staff in brackets, not the
/// piece's copy (a sentence of the copy opening "Reporting by Reuters showed …" has none).
static AGENCY_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\((?i:(?:additional\s+)?(?:reporting|writing|compiled|edited|editing)\s+by)\s+\p{Lu}[^()]*(?:;\s*(?i:(?:additional\s+)?(?:reporting|writing|editing|edited)\s+by)\s+[^()]*)*\)\.?$",
    )
});

/// Lines a writer or the desk sets after the piece for the desk, not the reader: the writer's
/// declaration and signature a form asks for ("Declaration: I confirm that this article is my own
/// original work …", "Signed: F. Hartmann Date: 04.09.2025"), a line saying where the piece was
/// submitted with its count or contact ("Submitted to The Meridian, 2 May. Word count 720. …"),
/// a staff writer's call for tips with an address ("Got a tip about …? Email …").
pub(super) fn is_to_the_desk_at_the_end(text: &str) -> bool {
    let text = text.trim().trim_matches(['*', '_', ' ']);
    let words = text.split_whitespace().count();
    (words <= 80 && DECLARATION.is_match(text))
        || (words <= 14 && SIGNED.is_match(text))
        || (words <= 60 && SUBMITTED.is_match(text) && SUBMISSION_DETAIL.is_match(text))
        || (words <= 50 && TIP_CALL.is_match(text) && text.contains('@'))
        || FORM_LABEL.is_match(text)
        || (words <= 30 && THANKS_TO_DESK.is_match(text) && ASKS_THE_DESK.is_match(text))
        || (words <= 30 && PHOTO_OFFER.is_match(text))
        || (words <= 80 && DESK_FOOTNOTE.is_match(text))
        || (words <= 60 && SUGGESTED_FOR_DESK.is_match(text))
        || (words <= 60 && COMMENT_MARKED.is_match(text))
        || (words <= 50 && DRAFT_NOTE.is_match(text))
        || (words <= 40 && DRAFT_STATUS.is_match(text) && ASKS_ABOUT_THE_DRAFT.is_match(text))
}

/// "Draft for submission to the news site – please do not share.", "Version 3, shared with …
/// Please use this version …": a note opening with the draft's status, asking something of
/// whoever reads it, never a paragraph of the piece.
static DRAFT_STATUS: LazyLock<Regex> = LazyLock::new(|| {
    // "Version 2.1 of the app" and "V8," are copy: a draft's number is whole, its "v" small.
    re(
        r"^(?:(?i:draft)\s+(?:for|of|to)\s|(?i:version|draft)\s*\d{1,2}(?:\s*[,:;—–-]|\.\s)|v\d{1,2}(?:\s*[,:;—–-]|\.\s))",
    )
});
static ASKS_ABOUT_THE_DRAFT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:do not (?:share|publish|circulate|forward|quote)|not for (?:publication|circulation)|use this version|(?:supplied|sent|provided) separately)\b",
    )
});

/// "Draft 3 — for the History & Ideas section. Images … available on request.", "v2: cut to 700
/// words": a line opening with the draft's number, the writer's note to the desk on it.
static DRAFT_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    // A lower-case "v" only: "V8 – and nothing smaller – was what it needed." is copy.
    re(r"^(?:(?i:draft|version)\s*\d{1,2}|v\d{1,2}(?:\.\d)?)\s*(?:\([^)]{1,30}\)\s*)?[—–:-]\s*\S")
});

/// "💬 Sam: bio ok? Need headshot by Thursday.": a comment on the draft, marked as one by a
/// speech balloon and its writer's name, as notes apps and shared documents export them.
static COMMENT_MARKED: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:>\s*)?(?:💬|🗨️?|🗯️?|💭)\s*\p{Lu}[\p{L}.'’ -]{0,40}?\s*:\s*\S"));

/// "Suggested pull quote: “…”", "Pull quote: …", "Suggested caption: …", "Suggested tweet: …":
/// the writer's suggestion to the desk for the page around the piece, not copy.
static SUGGESTED_FOR_DESK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:(?:suggested|possible|proposed)\s+(?:pull[- ]?quotes?|pullquotes?|captions?|tweets?|social(?:\s+media)?\s+(?:copy|posts?|line)|image\s+captions?|alt\s+text)|pull[- ]?quotes?|pullquotes?)\s*:\s*\S",
    )
});

/// "[^desk]: Desk: table can be cut for web if needed": a footnote the writer addressed to the
/// desk, by its name or its first word; not the reader's.
static DESK_FOOTNOTE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\\?\[\^(?:(?i:desk|editors?|ed|subs|note-to-desk)\\?\]:|[\w-]{1,20}\\?\]:\s*(?i:desk|editors?|subs|note to (?:the )?(?:desk|editors?|subs))\s*[:—–-])",
    )
});

/// "Happy to provide a photo.", "I can send a headshot if needed", "Happy to supply a photo of a
/// Nordic curl being done properly!", "Images: drop-camera stills … are available on request":
/// the writer offering the desk pictures.
static PHOTO_OFFER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:(?:(?:I'?m|I am|we'?re|we are)\s+)?(?:happy|glad|able)\s+to\s+(?:provide|send|supply)|(?:I|we)\s+can\s+(?:provide|send|supply))\s+(?i:(?:a|an|my|our)\s+)?(?i:photos?|pictures?|images?|headshots?|portraits?)(?:\s+(?i:of)\s+[^.!?,]{1,60}?)?(?:\s+(?i:if\s+(?:needed|useful|required|helpful|you\s+(?:want|like|need)\s+(?:one|it|them))))?\s*[.!]?$|^(?i:images?|photos?|photographs?|pictures?)\s*:\s*[^.]{0,100}\b(?i:available|supplied|attached)\b",
    )
});

/// "Thanks again for the commission, Sophie – let me know if you need any changes!": the writer
/// thanking the editor, to the desk, not the reader.
static THANKS_TO_DESK: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?i:(?:many\s+)?thanks|thank\s+you)\b"));
static ASKS_THE_DESK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:let me know|get in touch|if you need|any (?:changes|edits|questions)|for (?:the|this) commission|for considering|happy to (?:make|cut|edit|change))\b",
    )
});

/// "AUTHOR BIO (max. 50 words)", "Declaration", "Short bio (max 40 words)": a form's label for
/// the writer's bio or declaration, left alone once what it labels was taken; a bio's label is
/// told from a subheading by its capitals or by the form's limit in brackets ("Declaration" alone
/// heads nothing of a piece). A template's bio label answered in brackets instead of a bio
/// ("BIO: (staff, no bio needed)") is the template's too.
static FORM_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?:(?:AUTHOR|CONTRIBUTOR)S?\s+)?(?:BIOS?|BIOGRAPHY)(?:\s*\(.*\))?|(?:(?:AUTHOR|CONTRIBUTOR)S?\s+)?(?:BIOS?|BIOGRAPHY)\s*:\s*\([^)]{0,80}\)|(?i:declaration)|(?i:(?:(?:author|contributor)s?\s+|short\s+)?(?:bios?|biography|declaration))\s*\((?i:max)[^)]*\))\s*:?$",
    )
});

static DECLARATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:declaration\s*:|(?:i|we)\s+(?:hereby\s+)?(?:confirm|declare|certify)\s+that\s+(?:(?:this|the)\s+(?:article|piece|work|text|submission|op-?ed|manuscript)\b|this\s+is\s+(?:my|our)\s+(?:own\s+)?(?:original\s+)?work\b))",
    )
});

static SIGNED: LazyLock<Regex> = LazyLock::new(|| re(r"^(?i:signed|signature)\s*:\s*\S.{0,80}$"));

static SUBMITTED: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?i:submitted|sent|offered)\s+(?i:exclusively\s+)?(?i:to|for)\s+(?i:the\s+)?\p{Lu}")
});

static SUBMISSION_DETAIL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i:\bword\s*count\b|\b\d[\d,.]*\s+words\b|\bcorresponding\s+author\b|@|\bcontact\s*:)")
});

static TIP_CALL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:(?:got|have you got|do you have|have)\s+a\s+(?:[\w'’-]+\s+){0,2}?(?:tip|story|story idea|lead)\b|(?:news\s+)?tips?\s*[?:]|send\s+(?:me|us)\s+(?:your\s+)?(?:tips?|story ideas?)\b)",
    )
});

/// "[Word count: 718]": what a line says inside the brackets around the whole of it.
fn bracketed(text: &str) -> Option<&str> {
    let text = text.trim();
    let inner = text
        .strip_prefix("\\[")
        .or_else(|| text.strip_prefix('['))?;
    let inner = inner
        .strip_suffix("\\]")
        .or_else(|| inner.strip_suffix(']'))?;
    (!inner.contains(['[', ']'])).then(|| inner.trim())
}

/// "jane@paper.eu · @jane_p", "Email: jane@paper.eu | X: @jane_p": a row of ways to reach the
/// writer, nothing else in it; the reader of the piece does not need it (an address in it that
/// spells a writer's name is still given to them).
pub(super) fn is_contact_row(text: &str) -> bool {
    let items: Vec<&str> = text
        .split(['·', '|', '•'])
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .collect();
    // "priya@example.org · Tallyfield Ltd, Home Farm Dairy, Taunton": an address among the ways
    // to reach the writer is still their contact row.
    let not_contact = items
        .iter()
        .filter(|item| !CONTACT_ITEM.is_match(item))
        .collect::<Vec<_>>();
    items.len() >= 2
        && items.len() <= 6
        && (not_contact.is_empty()
            || (not_contact.len() == 1
                && not_contact.iter().all(|item| {
                    // An organisation or an address, its parts parted by commas ("Tallyfield
                    // Ltd, Home Farm Dairy, Taunton"), not a date or a run ("Until 14 March").
                    item.split_whitespace().count() <= 8
                        && (item.contains(',')
                            || super::patterns::names_institution(item)
                            || is_page_control(item)
                            || item.to_lowercase().starts_with("more from "))
                        && !item.ends_with(['.', '!', '?'])
                })))
        && items.iter().any(|item| item.contains('@'))
}

/// One way to reach someone, perhaps under its label: an address, a handle, a site.
static CONTACT_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?i:e-?mail|x|twitter|mastodon|bluesky|linkedin|web|website|site|tel|phone)\s*:\s*)?(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\\?@[\w\\.]{2,30}(?:@[\w.-]+)?|https?://\S+|(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?)$",
    )
});

pub(super) fn is_newsletter_prompt(text: &str) -> bool {
    text.split_whitespace().count() <= 40 && NEWSLETTER_PROMPT.is_match(text.trim())
}

/// "Posted in Archives · Local history · Leave a comment", "Filed under: Heritage, Museums": a
/// blog's line under the post filing it, its categories short names between dots, bars or commas.
pub(super) fn is_filed_under(text: &str) -> bool {
    let text = text.trim().trim_matches(['*', '_', ' ']);
    let Some(rest) = FILED_UNDER.find(text).map(|m| &text[m.end()..]) else {
        return false;
    };
    let items: Vec<&str> = rest
        .split(['·', '|', ',', '•'])
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .collect();
    !items.is_empty()
        && items.len() <= 8
        && items.iter().all(|i| {
            (1..=4).contains(&i.split_whitespace().count()) && !i.ends_with(['.', '!', '?'])
        })
}

static FILED_UNDER: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?i:posted in|filed under|categories|category)\s*:?\s+"));

pub(super) fn is_page_control(text: &str) -> bool {
    // "- Advertisement -": a news theme sets its ad slot's label between dashes.
    let text = text.trim().trim_matches(['-', '–', '—', ' ']);
    text.split_whitespace().count() <= 12 && PAGE_CONTROL.is_match(text)
}

#[cfg(test)]
mod tests;
