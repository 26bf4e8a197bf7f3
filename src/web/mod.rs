//! The browser binding: the only code that names wasm_bindgen, web_sys or js_sys.
