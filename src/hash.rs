//! The crate's hash map: std's, with its keyed SipHash natively and a
//! multiply-rotate hash in the browser build. wasm32-unknown-unknown has no
//! random source: std's keys there are made of the addresses of two fresh
//! values, which a page cannot choose but can predict as well as anyone,
//! so SipHash guards against little more than the plain hash does, and it
//! costs the `.wasm` a hasher of its own per key type.

/// A hash map from `K` to `V` (create it with `Map::default()`).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) type Map<K, V> = std::collections::HashMap<K, V>;

/// A hash map from `K` to `V` (create it with `Map::default()`).
#[cfg(target_arch = "wasm32")]
pub(crate) type Map<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<MulRotate>>;

/// A word at a time: each value rotated in, then multiplied by an odd
/// constant (the hash of rustc's own tables); the finish moves the
/// well-mixed high bits to the low ones the table indexes by.
#[cfg(target_arch = "wasm32")]
#[derive(Default)]
pub(crate) struct MulRotate(u64);

#[cfg(target_arch = "wasm32")]
impl MulRotate {
    fn add(&mut self, value: u64) {
        self.0 = (self.0.rotate_left(5) ^ value).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

#[cfg(target_arch = "wasm32")]
impl std::hash::Hasher for MulRotate {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(<[u8; 8]>::try_from(chunk).map_or(0, u64::from_le_bytes));
        }
        for &byte in chunks.remainder() {
            self.add(u64::from(byte));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}
