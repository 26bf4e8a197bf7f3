//! A complete HTML page around the rendered view, with the stylesheet
//! inlined: it opens from disk and needs nothing from the network.

use super::{document_lang, document_title, stylesheet, write_view, RenderOptions};
use crate::model::Document;

use super::writer::HtmlWriter;

/// Page-level rules the view's own scoped stylesheet does not set.
const PAGE_CSS: &str = "html,body{margin:0;padding:0}\
body>main>.yl-view{min-height:100vh}";

/// Makes the view's 打印 and 关闭 buttons work in the page; a host that
/// mounts the view with the browser layer wires them itself.
const PAGE_SCRIPT: &str = "document.addEventListener('click',function(e){\
var b=e.target.closest&&e.target.closest('.yl-view [data-action]');\
if(!b)return;var a=b.getAttribute('data-action');\
if(a==='print')window.print();else if(a==='close')window.close();});";

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
    w.markup("</main>\n<script>");
    w.markup(PAGE_SCRIPT);
    w.markup("</script>\n</body>\n</html>\n");
    w.finish()
}
