use super::*;

#[test]
fn headers_prompts_and_notices() {
    for h in [
        "Check Also",
        "Related articles",
        "Read more",
        "More from Europe",
        "3 Comments",
    ] {
        assert!(is_related_header(h), "{h}");
    }
    assert!(!is_related_header("Related costs rose sharply last year."));
    assert!(is_about_header("About Pieter de Vries"));
    assert!(is_about_header("About the author"));
    assert!(!is_about_header("About the deal"));
    assert!(is_about_header("Authors"));
    assert!(is_about_header("Written by Dimitra Kouri"));
    for s in [
        "Share this:",
        "Facebook Twitter LinkedIn Email",
        "Share on Facebook",
        "Share by email",
        "Email",
        "Like this:",
        "Loading...",
    ] {
        assert!(is_share_prompt(s), "{s}");
    }
    // A newsletter's counts and controls, in one row.
    assert!(is_share_prompt("♡ 214 · 💬 37 · Share"));
    assert!(is_share_prompt("Share · Leave a comment"));
    assert!(!is_share_prompt("214 · 37"));
    assert!(!is_share_prompt("Share prices fell on Monday."));
    assert!(!is_share_prompt("Follow the money."));
    assert!(is_share_prompt("Download PDF Cite this Print"));
    assert!(is_inline_promo(
        "Sign our petition: Decent homes for the people who pick Europe's fruit. Add your name"
    ));
    assert!(!is_inline_promo(
        "Sign the treaty, the minister said: it is time."
    ));
    assert!(is_inline_promo(
        "Read more: Why the Sahel's water deals keep failing"
    ));
    assert!(is_tags_line("Tags: energy, baltics"));
    for n in [
        "Photo: Riga's port at dawn (Andris Ozols)",
        "This article was first published by the Danube Policy Review.",
        "The views expressed are the author's own.",
        "Follow Jan on X: @jkowalczyk",
    ] {
        assert!(is_notice(n), "{n}");
    }
    assert!(!is_notice("Photographs of the plant show the damage."));
    for m in [
        "Posted on March 4, 2025",
        "Jan 20, 2025",
        "14 March 2025",
        "5 min read",
        "• 4 min read",
        "412 4 minutes read",
        "Estimated reading time: 5 minutes",
        "•\u{a0}4 min read",
        "7 min read·Oct 18, 2024",
        "and",
    ] {
        assert!(is_post_meta(m), "{m}");
    }
    assert!(is_cover_note("Dear editor,"));
    assert!(is_cover_note(
        "Attached is my piece on Silesia, about 850 words."
    ));
    assert!(!is_cover_note("Hidden costs pile up."));
    assert_eq!(sign_off("Best regards,").as_deref(), Some(""));
    assert_eq!(sign_off("Best regards, Giulia").as_deref(), Some("Giulia"));
    assert_eq!(sign_off("Best practice is rare."), None);
    assert_eq!(
        sign_off("Many thanks for considering it, Helena").as_deref(),
        Some("Helena")
    );
    assert_eq!(sign_off("With best regards,").as_deref(), Some(""));
    assert_eq!(sign_off("Thanks for the memories, Europe"), None);
    assert!(is_legal_notice(
        "CONFIDENTIALITY NOTICE: This e-mail message and any attachments are intended solely \
         for the addressee."
    ));
    assert!(is_notice("Sent from my iPhone"));
    assert!(is_notice(
        "© 2024 Jurgita Kazlauskienė. Not for republication without permission."
    ));
    assert!(is_post_meta("1.4K"));
    assert!(is_about_header("AUTHOR BIOS:"));
    assert!(is_desk_note(
        "For publication in The Civic Ledger, week of 14 October"
    ));
    for control in [
        "Advertisement",
        "Download PDF",
        "Cite this",
        "View profile",
        "Copy citation",
    ] {
        assert!(is_furniture(control), "{control}");
    }
    assert!(!is_furniture("Download speeds in rural Poland lag behind."));
    for m in ["TEXT:", "ENDS", "-30-", "###"] {
        assert!(is_copy_mark(m), "{m}");
    }
    assert!(is_desk_note(
        "Editor's note: this piece was submitted before the vote."
    ));
    assert!(is_desk_note("UPDATE: figures revised on 14 March."));
    assert!(is_desk_note(
        "*A note from Milica: I've been following Arben's reporting for years.*"
    ));
    assert!(!is_desk_note("Updates to the law are overdue."));
    assert!(is_notice("Forwarded to you? Subscribe here."));
    assert!(is_notice(
        "Note: This article gives the views of the author, not the position of the blog."
    ));
    assert!(is_share_prompt(
        "Click to share on X (Opens in new window) Click to share on Facebook (Opens in new \
         window) Click to email a link to a friend (Opens in new window)"
    ));
    assert!(is_notice("Enjoyed this piece? Subscribe for more."));
    assert!(!is_post_meta(
        "Published in 2019, the report found the grid wanting and nobody read it."
    ));
}

#[test]
fn release_headers_marks_between_rules_counts_and_file_names() {
    for note in [
        "*** EMBARGOED UNTIL 00:01 CET, TUESDAY 17 JUNE 2025 ***",
        "OP-ED AVAILABLE FOR PUBLICATION Researchers warn of more frequent low water",
        "Media release no. 42/2025 | Duisburg, 13 June 2025",
        "Free to use with credit to the authors. Please do not publish before the embargo lifts.",
        "Programming note: this is the first of two posts on translation funding.",
    ] {
        assert!(is_desk_note(note), "{note}");
    }
    assert!(!is_desk_note(
        "Free to use, the new app has won over farmers."
    ));
    assert!(!is_desk_note(
        "Press releases from the ministry said little."
    ));
    for mark in [
        "--- TEXT ---",
        "=== COPY ===",
        "--- END TEXT ---",
        "=== ENDS ===",
    ] {
        assert!(is_copy_mark(mark) || is_end_mark(mark), "{mark}");
    }
    assert!(is_end_mark("--- END TEXT ---"));
    assert!(is_end_mark("=== ENDS ==="));
    assert!(!is_end_mark("--- TEXT ---"));
    assert!(is_furniture("[ 672 words ]"));
    assert!(is_furniture("(c. 800 words)"));
    assert!(!is_furniture("[672 words were cut]"));
    assert!(is_file_name("Lefèvre_Ibáñez_regions_FINAL_v4 (2).docx"));
    assert!(is_file_name("oped-draft.md"));
    assert!(!is_file_name("I attach the piece as a .docx"));
    assert!(!is_file_name(
        "The report is online at example.org/report.pdf."
    ));
    assert!(is_furniture(
        "Do you have an opinion on the issues raised in this article? If you would like to \
         submit a response of up to 300 words by email, please click here."
    ));
    for m in [
        "Wed 9 Apr 2025 06.00 CEST",
        "9 April 2025, 10:42 am",
        "Last modified on Wed 9 Apr 2025 11.42 CEST",
    ] {
        assert!(is_post_meta(m), "{m}");
    }
}

#[test]
fn notes_above_the_piece_greetings_and_appeals_of_newsletters() {
    for note in [
        "OPINION – FOR PUBLICATION Exclusive to your title. Word count: 690",
        "[Note for the editor: final version, 760 words.]",
        "Photo suggestion: the dried lagoon, credit the foundation",
        "FOR PUBLICATION - EXCLUSIVE Word count: 731",
        "COMMENTARY SERVICE For release: Monday, March 18, 2024 SLUG: CHILE-LITHIUM",
    ] {
        assert!(is_desk_note(note), "{note}");
    }
    assert!(!is_desk_note(
        "Opinion polls for publication day were wrong."
    ));
    for prompt in [
        "Hello to the 310 new subscribers who joined since last week — welcome!",
        "Welcome to the 214 new subscribers who joined this week!",
        "If you enjoyed this piece, please clap and follow for more on trade. Thanks for reading!",
    ] {
        assert!(is_newsletter_prompt(prompt), "{prompt}");
    }
    assert!(!is_newsletter_prompt(
        "Hello to the new world of tariffs, said the minister."
    ));
    assert!(is_post_meta("Member-only story"));
}

#[test]
fn a_newspapers_appeal_for_support_is_furniture() {
    for appeal in [
        "… we have a small favour to ask.",
        "Millions of readers turn to The Meridian for independent, quality journalism every \
         month. Unlike many others, we have no shareholders and no billionaire owner.",
    ] {
        assert!(is_newsletter_prompt(appeal), "{appeal}");
    }
    assert!(!is_newsletter_prompt(
        "The ministry says we have no favourites among the bidders."
    ));
}
