//! A complete HTML page around the rendered view, with the stylesheet
//! inlined: it opens from disk and needs nothing from the network.

use super::{document_lang, document_title, stylesheet, write_view, RenderOptions};
use crate::model::Document;

use super::writer::HtmlWriter;

/// Page-level rules the view's own scoped stylesheet does not set, and
/// the page's live region, out of sight.
const PAGE_CSS: &str = "html,body{margin:0;padding:0}\
body>main>.yl-view{min-height:100vh}\
.yl-said{position:absolute;width:1px;height:1px;margin:-1px;padding:0;\
overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}";

/// Makes the view's actions work in the page, as the browser layer does
/// for a mounted view: 打印 prints; 关闭 closes, or says why it cannot; 分享
/// opens the share sheet, or copies the address, or shows it; 收藏 says
/// which keys bookmark the page. What is said is shown under the buttons
/// and read out by the live region; the words come from the script
/// element's data attributes.
const PAGE_SCRIPT: &str = "(function(){var s=document.currentScript.dataset,\
v=document.querySelector('.yl-view'),live=document.getElementById('yl-said');\
function say(t){var f=v&&v.querySelector('.yl-footer');if(live)live.textContent=t;if(!f)return;\
var n=f.querySelector('.yl-action-note');if(!n){n=document.createElement('p');\
n.className='yl-action-note';f.appendChild(n);}n.textContent=t;}\
function copy(u){var c=navigator.clipboard,no=function(){say(s.share+u);};\
if(c&&c.writeText)c.writeText(u).then(function(){say(s.copied);},no);else no();}\
document.addEventListener('click',function(e){\
var b=e.target.closest&&e.target.closest('.yl-view [data-action]');if(!b)return;\
var o=v&&v.querySelector('.yl-action-note');if(o)o.remove();\
var a=b.getAttribute('data-action'),u=location.href;\
if(a==='print')window.print();\
else if(a==='close'){window.close();if(!window.closed)say(s.close);}\
else if(a==='share'){if(navigator.share)navigator.share({title:document.title,url:u})\
.catch(function(x){if(!x||x.name!=='AbortError')copy(u);});else copy(u);}\
else if(a==='bookmark')say(matchMedia('(hover: none) and (pointer: coarse)').matches?s.menu:\
/Mac|iP/.test(navigator.platform)?s.mac:s.keys);});})();";

/// Renders the document as a complete page: `<!doctype html>`, charset,
/// viewport, `<title>`, the stylesheet inlined, an empty icon (no favicon
/// request), and the view inside `<main>`.
pub fn standalone(doc: &Document, options: &RenderOptions) -> String {
    let sheet = stylesheet();
    let mut w = HtmlWriter::with_capacity(sheet.len() + super::estimate_size(doc) + 1024);
    w.markup("<!doctype html>\n<html");
    w.attr("lang", document_lang(doc));
    w.markup(">\n<head>\n<meta charset=\"utf-8\">\n");
    w.markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    w.markup("<title>");
    w.text(document_title(doc).unwrap_or(options.locale.strings().untitled));
    w.markup("</title>\n<link rel=\"icon\" href=\"data:,\">\n<style>\n");
    w.markup(PAGE_CSS);
    w.markup("\n");
    w.markup(sheet);
    w.markup("</style>\n</head>\n<body>\n<main>\n");
    write_view(&mut w, doc, options);
    w.markup("</main>\n<div id=\"yl-said\" class=\"yl-said\" role=\"status\" aria-live=\"polite\" aria-atomic=\"true\"></div>\n<script");
    let words = options.locale.toolbar_words();
    let [keys, mac, menu] = words.bookmark;
    for (name, value) in [
        ("data-close", words.cannot_close),
        ("data-copied", words.link_copied),
        ("data-share", words.share_link),
        ("data-keys", keys),
        ("data-mac", mac),
        ("data-menu", menu),
    ] {
        w.attr(name, value);
    }
    w.markup(">");
    w.markup(PAGE_SCRIPT);
    w.markup("</script>\n</body>\n</html>\n");
    w.finish()
}
