//! An image's caption set as a line of italic after it.

use super::*;

#[test]
fn an_italic_line_straight_after_an_image_is_its_caption() {
    let paragraph = "Every morning from May to October I walk down the lane behind our house to \
        the bend in the river where the old mill race comes in, and I swim, as I have done for \
        nineteen years since I retired from teaching geography at the grammar school.";
    let html = format!(
        "<html><head><title>Swimming</title></head><body><article><h1>Why I still swim</h1>\
         <div class=\"post-body\"><div class=\"separator\"><a href=\"/a.jpg\"><img src=\"/a.jpg\">\
         </a></div><div><i>Mill Bend on a good day, June 2025</i></div><br>{p}<br><br>{p}<br><br>\
         <i>An aside in italic that is part of the text stays.</i><br><br>{p}</div></article>\
         </body></html>",
        p = paragraph
    );
    let doc = read(html.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    assert!(
        !texts.iter().any(|t| t.contains("Mill Bend on a good day")),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.contains("An aside in italic")),
        "{texts:?}"
    );
}
