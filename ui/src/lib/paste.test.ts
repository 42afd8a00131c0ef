import { describe, expect, it } from "vitest";
import { filesWarning, sanitisePastedHtml } from "./paste";

// What Word puts on the clipboard, trimmed to its habits: conditional comments, Office elements,
// mso styles, list paragraphs with their own markers, a picture in VML and again as <img>.
const WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:v="urn:schemas-microsoft-com:vml">
<head><meta name=Generator content="Microsoft Word 15"><style>
p.MsoNormal {mso-style-unhide:no; font-family:"Calibri",sans-serif;}
</style><!--[if gte mso 9]><xml><o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]--></head>
<body lang=EN-GB style='tab-interval:36.0pt'>
<!--StartFragment-->
<h1 style='mso-outline-level:1'><span style='font-family:"Calibri Light"'>Why ports matter<o:p></o:p></span></h1>
<p class=MsoNormal style='margin-bottom:0cm'><span style='font-size:12.0pt'>Trade runs through <b style='mso-bidi-font-weight:normal'>a few</b>
harbours, and <i>rarely</i> the ones <span style='font-weight:700'>you</span> think.<o:p></o:p></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>Rotterdam<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>o<span>&nbsp; </span></span><![endif]>Its new terminal<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>·<span>&nbsp; </span></span><![endif]>Singapore<o:p></o:p></p>
<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>1.<span>&nbsp; </span></span><![endif]>First step<o:p></o:p></p>
<p class=MsoQuote>A port is a promise.</p>
<p class=MsoNormal>See <a href="https://example.org/ports">the report</a> and <a href="#_ftn1" name="_ftnref1">[1]</a>.</p>
<p class=MsoNormal><!--[if gte vml 1]><v:shape id="Picture_1" style='width:200pt'><v:imagedata src="file:///tmp/image001.png" o:title=""/></v:shape><![endif]--><![if !vml]><img width=267 src="file:///tmp/image001.jpg" v:shapes="Picture_1"><![endif]></p>
<p class=MsoNormal><img src="file:///tmp/image002.png"></p>
<script>alert("pasted")</script>
<!--EndFragment-->
</body></html>`;

function parse(html: string): HTMLElement {
  const div = document.createElement("div");
  div.innerHTML = html;
  return div;
}

describe("sanitisePastedHtml", () => {
  it("keeps Word's headings, bold, italic, lists, quotes and links, and drops its styling", () => {
    const { html, warnings } = sanitisePastedHtml(WORD);
    const out = parse(html);
    expect(out.querySelector("h2")?.textContent).toBe("Why ports matter");
    expect(out.querySelector("strong")?.textContent).toBe("a few");
    expect(out.querySelector("em")?.textContent).toBe("rarely");
    expect(Array.from(out.querySelectorAll("strong")).map((s) => s.textContent)).toEqual(["a few", "you"]);
    const bullets = out.querySelector("ul")!;
    expect(Array.from(bullets.children).map((li) => li.querySelector("p")?.textContent)).toEqual(["Rotterdam", "Singapore"]);
    expect(bullets.querySelector("li ul li")?.textContent).toBe("Its new terminal");
    expect(out.querySelector("ol li")?.textContent).toBe("First step");
    expect(out.querySelector("blockquote")?.textContent).toBe("A port is a promise.");
    expect(out.querySelector("a")?.getAttribute("href")).toBe("https://example.org/ports");
    expect(out.querySelectorAll("a")).toHaveLength(1); // the footnote link pointed nowhere outside Word
    expect(html).not.toMatch(/style=|class=|mso|script|alert|<o:|<img|·/);
    expect(out.querySelectorAll("p")).not.toContainEqual(expect.objectContaining({ textContent: "\u00a0" }));
    expect(warnings).toEqual([
      "2 images were not pasted: the body holds text only — add images when the piece is laid out.",
    ]);
  });

  it("reads Word's lists after WebKit has swapped Word's styles for computed ones", () => {
    // What the app's webview hands over when Word's HTML is pasted: mso styles gone, classes kept.
    const style = "caret-color: rgb(0, 0, 0); color: rgb(0, 0, 0); font-style: normal; font-weight: 400; text-indent: 0px;";
    const { html } = sanitisePastedHtml(
      `<p class="MsoNormal" style="${style}">The fund is<span class="Apple-converted-space"> </span><b>small</b>.</p>` +
        `<p class="MsoListParagraph" style="${style}"><span>·<span>\u00a0\u00a0 </span></span>Dakar</p>` +
        `<p class="MsoListParagraph" style="${style}"><span>· </span>Niamey</p>` +
        `<p class="MsoListParagraphCxSpFirst" style="${style}"><span>1.\u00a0</span>First step</p>`,
    );
    expect(html).toBe(
      "<p>The fund is <strong>small</strong>.</p><ul><li><p>Dakar</p></li><li><p>Niamey</p></li></ul><ol><li><p>First step</p></li></ol>",
    );
  });

  it("keeps a web page's text and structure without its scripts, handlers or unsafe links", () => {
    const { html, warnings } = sanitisePastedHtml(`
      <div class="post" onclick="steal()"><h4 style="color:red">Background</h4>
      <p>One <a href="javascript:alert(1)">bad link</a>, one <a href="http://example.org" onmouseover="x()">good</a>.</p>
      <iframe src="https://video.example"></iframe><table><tr><td>Year</td><td>Tonnes</td></tr></table>
      <p><span style="font-style:italic;font-weight:bold">both</span></p></div>`);
    const out = parse(html);
    expect(out.querySelector("h3")?.textContent).toBe("Background");
    expect(html).not.toMatch(/onclick|onmouseover|javascript|iframe|style=|<table/);
    expect(out.querySelector("a")?.outerHTML).toBe('<a href="http://example.org">good</a>');
    expect(out.textContent).toContain("bad link");
    expect(out.querySelector("strong > em")?.textContent).toBe("both");
    expect(out.textContent).toContain("Tonnes");
    expect(warnings).toEqual([
      "1 embedded item (video, audio or frame) was not pasted.",
      "1 table was pasted as plain lines: the body has no tables.",
    ]);
  });

  it("takes Google Docs' non-bold wrapper for what it is", () => {
    const { html } = sanitisePastedHtml(
      '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1"><p dir="ltr"><span style="font-weight:400">Plain</span> <span style="font-weight:700">bold</span></p></b>',
    );
    expect(html).toBe("<p>Plain <strong>bold</strong></p>");
  });

  it("names pasted files it cannot take", () => {
    expect(filesWarning([])).toBeNull();
    expect(filesWarning([{ type: "image/png" }])).toMatch(/^1 image was not pasted/);
    expect(filesWarning([{ type: "image/png" }, { type: "application/pdf" }])).toMatch(/^2 files were not pasted/);
  });
});
