//! 朗读 with a selection: the chunks whose elements the reader's selection
//! inside the view touches, found through the shadow root's own selection
//! where the browser gives one, else the document selection's composed
//! ranges.

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Range, Selection};

use super::super::core::Core;
use super::view::chunk_element;

/// The chunks whose elements the reader's selection inside the view
/// touches, in reading order; `None` without such a selection.
pub(super) fn selected_chunks(core: &Core) -> Option<Vec<usize>> {
    let range = selection_range(core)?;
    let speech = core.speech.try_borrow().ok()?;
    let chunks: Vec<usize> = speech
        .plan()
        .chunks
        .iter()
        .enumerate()
        .filter(|(_, chunk)| {
            chunk_element(core, chunk).is_some_and(|e| range.intersects_node(&e).unwrap_or(false))
        })
        .map(|(i, _)| i)
        .collect();
    (!chunks.is_empty()).then_some(chunks)
}

/// The first range of a selection inside the view that is not collapsed.
fn selection_range(core: &Core) -> Option<Range> {
    // Chromium gives a shadow root a selection of its own; others give the
    // composed ranges of the document's selection.
    let shadow: &JsValue = core.dom.shadow.as_ref();
    let own = Reflect::get(shadow, &JsValue::from_str("getSelection"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call0(shadow).ok())
        .filter(JsValue::is_object);
    let selection: Selection = match own {
        Some(selection) => selection.unchecked_into(),
        None => return composed_range(core),
    };
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    core.dom
        .root
        .contains(Some(&range.common_ancestor_container().ok()?))
        .then_some(range)
}

/// `getSelection().getComposedRanges({ shadowRoots: [shadow] })[0]` as a
/// live range.
fn composed_range(core: &Core) -> Option<Range> {
    let window = web_sys::window()?;
    let selection = window.get_selection().ok()??;
    if selection.is_collapsed() {
        return None;
    }
    let method: Function = Reflect::get(&selection, &JsValue::from_str("getComposedRanges"))
        .ok()?
        .dyn_into()
        .ok()?;
    let options = js_sys::Object::new();
    let roots = js_sys::Array::of1(&core.dom.shadow);
    Reflect::set(&options, &JsValue::from_str("shadowRoots"), &roots).ok()?;
    let ranges: js_sys::Array = method.call1(&selection, &options).ok()?.dyn_into().ok()?;
    let fixed = ranges.get(0);
    let get = |key: &str| Reflect::get(&fixed, &JsValue::from_str(key)).ok();
    let range = window.document()?.create_range().ok()?;
    let start: web_sys::Node = get("startContainer")?.dyn_into().ok()?;
    let end: web_sys::Node = get("endContainer")?.dyn_into().ok()?;
    let offset = |key: &str| get(key).and_then(|v| v.as_f64()).map(|v| v as u32);
    range.set_start(&start, offset("startOffset")?).ok()?;
    range.set_end(&end, offset("endOffset")?).ok()?;
    core.dom.root.contains(Some(&start)).then_some(range)
}
