//! Saves as files in the browser, where they otherwise live in
//! `localStorage`: a save is exported as a download, and a file the player
//! picks is imported.

use std::sync::Mutex;

use web_sys::js_sys::Array;
use web_sys::wasm_bindgen::closure::Closure;
use web_sys::wasm_bindgen::{JsCast, JsValue};

/// The text of a file picked for import, until the game takes it.
static PICKED: Mutex<Option<String>> = Mutex::new(None);

/// Offers `text` to the player as a download named `name`.
pub fn download(name: &str, text: &str) -> Result<(), String> {
    let failed = |err: JsValue| format!("{err:?}");
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let parts = Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/octet-stream");
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(failed)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(failed)?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(failed)?
        .dyn_into()
        .map_err(|_| "not a link")?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The address stays valid until the page closes: revoked at once, some
    // browsers would cancel the download.
    Ok(())
}

/// Opens the browser's file picker; the text of the file picked is kept
/// for [`take_picked`].
pub fn pick_file() -> Result<(), String> {
    let failed = |err: JsValue| format!("{err:?}");
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let input: web_sys::HtmlInputElement = document
        .create_element("input")
        .map_err(failed)?
        .dyn_into()
        .map_err(|_| "not an input")?;
    input.set_type("file");
    input.set_accept(".ron,text/plain");
    let picker = input.clone();
    let on_change = Closure::once_into_js(move || {
        let Some(file) = picker.files().and_then(|files| files.get(0)) else {
            return;
        };
        let keep = Closure::<dyn FnMut(JsValue)>::new(|text: JsValue| {
            if let (Some(text), Ok(mut picked)) = (text.as_string(), PICKED.lock()) {
                *picked = Some(text);
            }
        });
        let _ = file.text().then(&keep);
        // Called once, some time later: it lives as long as the page.
        keep.forget();
    });
    input.set_onchange(Some(on_change.unchecked_ref()));
    input.click();
    Ok(())
}

/// The text of a file picked since the last call, if one was.
pub fn take_picked() -> Option<String> {
    PICKED.lock().ok()?.take()
}
