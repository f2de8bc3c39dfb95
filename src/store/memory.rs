//! An in-memory [`Backend`]: the tests' storage, and the page's when
//! localStorage is blocked (drafts then live until the page closes).

use super::{Backend, Fault};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default)]
pub struct MemoryBackend {
    pub map: BTreeMap<String, String>,
    /// Total bytes (key + value lengths) allowed; writes beyond fail with `Full`.
    pub quota: Option<usize>,
    /// When set, every call fails with this fault.
    pub broken: Option<Fault>,
    /// `false` for the stand-in used when the browser blocks storage.
    pub keeps_data: bool,
}

impl MemoryBackend {
    pub fn new() -> Self {
        Self { keeps_data: true, ..Self::default() }
    }

    /// The stand-in for blocked storage: works, but is not persistent.
    pub fn volatile() -> Self {
        Self::default()
    }

    fn used_without(&self, key: &str) -> usize {
        self.map.iter().filter(|(k, _)| k.as_str() != key).map(|(k, v)| k.len() + v.len()).sum()
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, Fault> {
        match &self.broken {
            Some(f) => Err(f.clone()),
            None => Ok(self.map.get(key).cloned()),
        }
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), Fault> {
        if let Some(f) = &self.broken {
            return Err(f.clone());
        }
        if let Some(q) = self.quota {
            if self.used_without(key) + key.len() + value.len() > q {
                return Err(Fault::Full);
            }
        }
        self.map.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), Fault> {
        if let Some(f) = &self.broken {
            return Err(f.clone());
        }
        self.map.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, Fault> {
        match &self.broken {
            Some(f) => Err(f.clone()),
            None => Ok(self.map.keys().cloned().collect()),
        }
    }

    fn copy(&mut self, from: &str, to: &str) -> Result<(), Fault> {
        let value = self.get(from)?.ok_or_else(|| Fault::Other("nothing to copy".into()))?;
        self.set(to, &value)
    }

    fn same(&self, a: &str, b: &str) -> Result<bool, Fault> {
        Ok(self.get(a)? == self.get(b)?)
    }

    fn persistent(&self) -> bool {
        self.keeps_data
    }
}
