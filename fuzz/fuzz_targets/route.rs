//! The URL parser on arbitrary text: it never panics, and what it reads survives the trip
//! through its own link unchanged.
#![no_main]
use libfuzzer_sys::fuzz_target;
use samiksha_core::route::Route;

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    let route = Route::parse(&query);
    assert_eq!(Route::parse(&route.to_query()), route);
});
