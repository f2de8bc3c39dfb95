//! The browser side of sharing: compression through the browser's own
//! `CompressionStream`/`DecompressionStream` (zlib format) and encryption
//! through Web Crypto, so neither costs bundle bytes. Every exception and
//! rejection becomes a [`ShareError`]; nothing here panics.
//!
//! For the page: [`make_link`] → [`Link::fragment`] → [`link_url`]; on
//! start, [`take_link_fragment`] → [`Link::parse`] → (ask for a password
//! if [`Link::needs_password`]) → [`open_link`].

use super::{
    payload, read_payload, Link, Progress, Sealed, Selection, ShareError, IV_BYTES, MAX_JSON_BYTES, MAX_PAYLOAD_BYTES,
    PBKDF2_ITERATIONS, SALT_BYTES, TAG_BYTES,
};
use crate::scenario::Scenario;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::{Array, JsString, Object, Reflect, Uint8Array};
use web_sys::{CryptoKey, ReadableStreamDefaultReader, ReadableWritablePair, SubtleCrypto};

#[wasm_bindgen]
extern "C" {
    /// `CompressionStream` and `DecompressionStream`: web-sys has them
    /// only behind `--cfg=web_sys_unstable_apis`. Both are a
    /// `{readable, writable}` pair, which is all `pipeThrough` needs.
    type Codec;
    #[wasm_bindgen(catch, constructor, js_class = "CompressionStream")]
    fn compression(format: &str) -> Result<Codec, JsValue>;
    #[wasm_bindgen(catch, constructor, js_class = "DecompressionStream")]
    fn decompression(format: &str) -> Result<Codec, JsValue>;
}

/// RFC 1950: DEFLATE with an Adler-32 checksum (see the module docs).
const FORMAT: &str = "deflate";

/// Why a stream stopped.
enum Stop {
    Failed,
    OverCap,
}

/// Runs `input` through `codec`, reading chunk by chunk and cancelling as
/// soon as the output passes `cap` bytes.
async fn run(codec: Codec, input: &[u8], cap: usize) -> Result<Vec<u8>, Stop> {
    let parts = Array::of1(&Uint8Array::from(input));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(|_| Stop::Failed)?;
    let output = blob.stream().pipe_through(codec.unchecked_ref::<ReadableWritablePair>());
    let reader: ReadableStreamDefaultReader = output.get_reader().unchecked_into();
    let mut out = Vec::new();
    loop {
        let step = JsFuture::from(reader.read()).await.map_err(|_| Stop::Failed)?;
        if Reflect::get(&step, &"done".into()).map_or(true, |d| d.is_truthy()) {
            return Ok(out);
        }
        // The streams yield Uint8Arrays; `new Uint8Array` of one copies it
        // (without the `instanceof` check `dyn_into` imports).
        let chunk = Uint8Array::new(&Reflect::get(&step, &"value".into()).map_err(|_| Stop::Failed)?);
        if out.len() + chunk.length() as usize > cap {
            // Stops the decompressor; the rest is never produced.
            let _ = JsFuture::from(reader.cancel()).await;
            return Err(Stop::OverCap);
        }
        out.extend(chunk.to_vec());
    }
}

/// Compresses a payload; refuses one that would not fit in a link.
pub async fn compress(json: &[u8]) -> Result<Vec<u8>, ShareError> {
    let codec = Codec::compression(FORMAT).map_err(|_| ShareError::Unsupported)?;
    run(codec, json, MAX_PAYLOAD_BYTES).await.map_err(|stop| match stop {
        Stop::OverCap => ShareError::TooLarge { limit: MAX_PAYLOAD_BYTES },
        Stop::Failed => ShareError::Unsupported,
    })
}

/// Decompresses link data, stopping at [`MAX_JSON_BYTES`].
pub async fn inflate(compressed: &[u8]) -> Result<Vec<u8>, ShareError> {
    let codec = Codec::decompression(FORMAT).map_err(|_| ShareError::Unsupported)?;
    run(codec, compressed, MAX_JSON_BYTES).await.map_err(|stop| match stop {
        Stop::OverCap => ShareError::TooLarge { limit: MAX_JSON_BYTES },
        Stop::Failed => ShareError::Damaged,
    })
}

/// `crypto` and `crypto.subtle` (undefined outside secure contexts).
fn crypto() -> Result<(web_sys::Crypto, SubtleCrypto), ShareError> {
    let crypto = Reflect::get(&web_sys::js_sys::global(), &"crypto".into()).map_err(|_| ShareError::Unsupported)?;
    let subtle = Reflect::get(&crypto, &"subtle".into()).map_err(|_| ShareError::Unsupported)?;
    if crypto.is_undefined() || subtle.is_undefined() {
        return Err(ShareError::Unsupported);
    }
    Ok((crypto.unchecked_into(), subtle.unchecked_into()))
}

/// A plain object of `fields`: Web Crypto's parameter dictionaries, built
/// with the `Reflect.set` the page already imports (web-sys's typed
/// dictionaries import a setter, with its JS glue, per field).
fn dictionary(fields: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object
}

async fn call(promise: Result<web_sys::js_sys::Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(promise?).await
}

/// The AES-GCM-256 key of `password` and `salt` (PBKDF2-SHA-256). The
/// password is NFC-normalised so the same characters typed on two phones
/// give the same key.
async fn derive_key(subtle: &SubtleCrypto, password: &str, salt: &[u8]) -> Result<CryptoKey, JsValue> {
    let password = String::from(JsString::from(password).normalize("NFC"));
    let usage = Array::of1(&"deriveKey".into());
    let raw = Uint8Array::from(password.as_bytes());
    let base: CryptoKey = call(subtle.import_key_with_str("raw", &raw, "PBKDF2", false, &usage)).await?.unchecked_into();
    let params = dictionary(&[
        ("name", "PBKDF2".into()),
        ("hash", "SHA-256".into()),
        ("iterations", PBKDF2_ITERATIONS.into()),
        ("salt", Uint8Array::from(salt).into()),
    ]);
    let aes = dictionary(&[("name", "AES-GCM".into()), ("length", 256.into())]);
    let usages = Array::of1(&"encrypt".into());
    usages.push(&"decrypt".into());
    Ok(call(subtle.derive_key_with_object_and_object(&params, &base, &aes, false, &usages)).await?.unchecked_into())
}

fn gcm(iv: &[u8]) -> Object {
    dictionary(&[("name", "AES-GCM".into()), ("iv", Uint8Array::from(iv).into())])
}

/// Encrypts compressed data under `password` with a fresh salt and IV.
pub async fn seal(compressed: &[u8], password: &str, progress: &dyn Fn(Progress)) -> Result<Sealed, ShareError> {
    let (crypto, subtle) = crypto()?;
    let (mut salt, mut iv) = ([0u8; SALT_BYTES], [0u8; IV_BYTES]);
    crypto.get_random_values_with_u8_array(&mut salt).map_err(|_| ShareError::Unsupported)?;
    crypto.get_random_values_with_u8_array(&mut iv).map_err(|_| ShareError::Unsupported)?;
    progress(Progress::DerivingKey);
    let key = derive_key(&subtle, password, &salt).await.map_err(|_| ShareError::Unsupported)?;
    progress(Progress::Encrypting);
    let sealed = call(subtle.encrypt_with_object_and_u8_array(&gcm(&iv), &key, compressed)).await.map_err(|_| ShareError::Unsupported)?;
    Ok(Sealed { salt, iv, ciphertext: Uint8Array::new(&sealed).to_vec() })
}

/// Decrypts a sealed link; a wrong password and an altered link both fail
/// AES-GCM's check.
pub async fn unseal(sealed: &Sealed, password: &str, progress: &dyn Fn(Progress)) -> Result<Vec<u8>, ShareError> {
    let (_, subtle) = crypto()?;
    progress(Progress::DerivingKey);
    let key = derive_key(&subtle, password, &sealed.salt).await.map_err(|_| ShareError::Unsupported)?;
    progress(Progress::Decrypting);
    let plain = call(subtle.decrypt_with_object_and_u8_array(&gcm(&sealed.iv), &key, &sealed.ciphertext))
        .await
        .map_err(|_| ShareError::WrongPasswordOrAltered)?;
    Ok(Uint8Array::new(&plain).to_vec())
}

/// A link to `scenario` holding what `selection` includes; encrypted when
/// a non-empty `password` is given.
pub async fn make_link(
    scenario: &Scenario,
    selection: Selection,
    password: Option<&str>,
    progress: &dyn Fn(Progress),
) -> Result<Link, ShareError> {
    progress(Progress::Compressing);
    let compressed = compress(&payload(scenario, selection)).await?;
    match password.filter(|p| !p.is_empty()) {
        None => Ok(Link::Plain(compressed)),
        Some(_) if compressed.len() + TAG_BYTES > MAX_PAYLOAD_BYTES => Err(ShareError::TooLarge { limit: MAX_PAYLOAD_BYTES }),
        Some(password) => seal(&compressed, password, progress).await.map(Link::Sealed),
    }
}

/// The scenario in `link`; a sealed link needs its (non-empty) password.
pub async fn open_link(link: &Link, password: Option<&str>, progress: &dyn Fn(Progress)) -> Result<Scenario, ShareError> {
    let compressed = match link {
        Link::Plain(compressed) => compressed.clone(),
        Link::Sealed(sealed) => {
            let password = password.filter(|p| !p.is_empty()).ok_or(ShareError::NeedsPassword)?;
            unseal(sealed, password, progress).await?
        }
    };
    progress(Progress::Inflating);
    read_payload(&inflate(&compressed).await?)
}

/// The page's share-link fragment, if it has one, removed from the address
/// bar (`history.replaceState`) so it lingers in neither screenshots nor
/// history. Other fragments (in-page anchors) are left alone.
pub fn take_link_fragment() -> Option<String> {
    let window = web_sys::window()?;
    // The fragment as `location.hash` gives it, read from the address.
    let href = window.location().href().ok()?;
    let (bare, fragment) = href.split_once('#')?;
    if !super::is_link_fragment(fragment) {
        return None;
    }
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(bare));
    }
    Some(format!("#{fragment}"))
}
