//! The browser glue of share links, run for real in headless Chromium:
//! `CompressionStream`/`DecompressionStream` and Web Crypto.
//!
//!   CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!   CHROMEDRIVER=/usr/bin/chromedriver \
//!   cargo test --target wasm32-unknown-unknown --test wasm_share
//!
//! (`make test` does this.) Native builds compile this file to nothing.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use xieshang::scenario::Scenario;
use xieshang::share::browser::{compress, inflate, make_link, open_link, seal, unseal};
use xieshang::share::{Link, Progress, Selection, ShareError, MAX_JSON_BYTES, MAX_PAYLOAD_BYTES};

wasm_bindgen_test_configure!(run_in_browser);

fn scenario() -> Scenario {
    let mut s = Scenario::example();
    s.loans[0].name = "网商贷 2023".into();
    s
}

/// Records the steps reported, in order.
fn recorder() -> (RefCell<Vec<Progress>>, impl Fn(&RefCell<Vec<Progress>>, Progress)) {
    (RefCell::new(Vec::new()), |log: &RefCell<Vec<Progress>>, p| log.borrow_mut().push(p))
}

#[wasm_bindgen_test]
async fn compress_then_inflate_gives_the_bytes_back() {
    let json = xieshang::share::payload(&scenario(), Selection::everything());
    let compressed = compress(&json).await.unwrap();
    assert!(compressed.len() < json.len(), "{} vs {}", compressed.len(), json.len());
    // zlib format: CMF 0x78, and a header check that is a multiple of 31.
    assert_eq!(compressed[0], 0x78);
    assert_eq!(u16::from_be_bytes([compressed[0], compressed[1]]) % 31, 0);
    assert_eq!(inflate(&compressed).await.unwrap(), json);
}

#[wasm_bindgen_test]
async fn inflating_stops_at_the_cap() {
    let bomb = vec![b' '; MAX_JSON_BYTES + 1];
    let compressed = compress(&bomb).await.unwrap();
    assert!(compressed.len() < 10_000);
    assert_eq!(inflate(&compressed).await, Err(ShareError::TooLarge { limit: MAX_JSON_BYTES }));
    let fits = compress(&bomb[..MAX_JSON_BYTES]).await.unwrap();
    assert_eq!(inflate(&fits).await.map(|b| b.len()), Ok(MAX_JSON_BYTES));
}

#[wasm_bindgen_test]
async fn bad_data_is_damaged_not_a_panic() {
    for bad in [&b""[..], b"\x78\x9c", b"not compressed at all", &[0u8; 100]] {
        assert_eq!(inflate(bad).await, Err(ShareError::Damaged), "{bad:?}");
    }
    // One changed byte anywhere: the Adler-32 check (or DEFLATE) refuses
    // it, unless it only touched bits that encode nothing (the padding of
    // the last DEFLATE byte), so the very same bytes come out.
    let json = xieshang::share::payload(&scenario(), Selection::everything());
    let good = compress(&json).await.unwrap();
    let mut refused = 0;
    for at in 0..good.len() {
        for bit in [0x01, 0x10, 0x80] {
            let mut bad = good.clone();
            bad[at] ^= bit;
            match inflate(&bad).await {
                Ok(same) => assert_eq!(same, json, "byte {at} changed and inflated to something else"),
                Err(e) => {
                    assert_eq!(e, ShareError::Damaged);
                    refused += 1;
                }
            }
        }
    }
    assert!(refused > good.len() * 3 - 4, "{refused} of {} refused", good.len() * 3);
}

#[wasm_bindgen_test]
async fn a_payload_too_large_for_a_link_is_refused() {
    // Incompressible bytes (xorshift64).
    let mut x = 0x9e37_79b9_7f4a_7c15u64;
    let noise: Vec<u8> = (0..MAX_PAYLOAD_BYTES + 1000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 32) as u8
        })
        .collect();
    assert_eq!(compress(&noise).await, Err(ShareError::TooLarge { limit: MAX_PAYLOAD_BYTES }));
}

#[wasm_bindgen_test]
async fn seal_then_unseal_with_the_right_password() {
    let (log, push) = recorder();
    let data = b"compressed scenario".to_vec();
    let sealed = seal(&data, "密码 pass", &|p| push(&log, p)).await.unwrap();
    assert_eq!(*log.borrow(), [Progress::DerivingKey, Progress::Encrypting]);
    assert_eq!(sealed.ciphertext.len(), data.len() + 16);
    assert_ne!(&sealed.ciphertext[..data.len()], &data[..]);
    assert_eq!(unseal(&sealed, "密码 pass", &|_| {}).await, Ok(data.clone()));
    // Fresh salt and IV every time.
    let again = seal(&data, "密码 pass", &|_| {}).await.unwrap();
    assert_ne!((again.salt, again.iv), (sealed.salt, sealed.iv));
}

#[wasm_bindgen_test]
async fn the_wrong_password_or_a_changed_byte_is_refused() {
    let sealed = seal(b"data", "right", &|_| {}).await.unwrap();
    assert_eq!(unseal(&sealed, "wrong", &|_| {}).await, Err(ShareError::WrongPasswordOrAltered));
    let mut tampered = sealed.clone();
    tampered.ciphertext[0] ^= 1;
    assert_eq!(unseal(&tampered, "right", &|_| {}).await, Err(ShareError::WrongPasswordOrAltered));
    let mut tampered = sealed.clone();
    tampered.iv[0] ^= 1;
    assert_eq!(unseal(&tampered, "right", &|_| {}).await, Err(ShareError::WrongPasswordOrAltered));
}

#[wasm_bindgen_test]
async fn the_same_password_typed_differently_still_opens() {
    // "é" precomposed (U+00E9) and decomposed (e + U+0301): NFC makes them one.
    let sealed = seal(b"data", "caf\u{e9}", &|_| {}).await.unwrap();
    assert_eq!(unseal(&sealed, "cafe\u{301}", &|_| {}).await, Ok(b"data".to_vec()));
}

#[wasm_bindgen_test]
async fn a_link_opens_as_the_same_scenario() {
    let s = scenario();
    let (log, push) = recorder();
    let link = make_link(&s, Selection::everything(), None, &|p| push(&log, p)).await.unwrap();
    assert!(matches!(link, Link::Plain(_)));
    let parsed = Link::parse(&link.fragment()).unwrap().unwrap();
    assert_eq!(open_link(&parsed, None, &|p| push(&log, p)).await, Ok(s.clone()));
    assert_eq!(*log.borrow(), [Progress::Compressing, Progress::Inflating]);
    // Numbers only: the loan's name stays behind.
    let link = make_link(&s, Selection::default(), None, &|_| {}).await.unwrap();
    let opened = open_link(&link, None, &|_| {}).await.unwrap();
    assert_eq!((opened.loans[0].name.as_str(), opened.loans[0].principal), ("", s.loans[0].principal));
}

#[wasm_bindgen_test]
async fn an_encrypted_link_needs_its_password() {
    let s = scenario();
    let link = make_link(&s, Selection::everything(), Some("hunter2"), &|_| {}).await.unwrap();
    let fragment = link.fragment();
    assert!(fragment.starts_with("e2=") && !fragment.contains("hunter2"));
    // An earlier build's link (e1: no length) still opens with its password.
    let parts: Vec<&str> = fragment["e2=".len()..].split('.').collect();
    let older = Link::parse(&format!("e1={}.{}.{}", parts[0], parts[1], parts[3])).unwrap().unwrap();
    assert_eq!(open_link(&older, Some("hunter2"), &|_| {}).await, Ok(s.clone()));
    let parsed = Link::parse(&fragment).unwrap().unwrap();
    assert!(parsed.needs_password());
    assert_eq!(open_link(&parsed, None, &|_| {}).await, Err(ShareError::NeedsPassword));
    assert_eq!(open_link(&parsed, Some(""), &|_| {}).await, Err(ShareError::NeedsPassword));
    assert_eq!(open_link(&parsed, Some("hunter3"), &|_| {}).await, Err(ShareError::WrongPasswordOrAltered));
    let (log, push) = recorder();
    assert_eq!(open_link(&parsed, Some("hunter2"), &|p| push(&log, p)).await, Ok(s));
    assert_eq!(*log.borrow(), [Progress::DerivingKey, Progress::Decrypting, Progress::Inflating]);
    // An empty password makes a plain link.
    let plain = make_link(&scenario(), Selection::default(), Some(""), &|_| {}).await.unwrap();
    assert!(!plain.needs_password());
}
