//! Reading drafts from disk or stdin, for the adapters. Input must be UTF-8 text; anything
//! else is a clear error naming the file and the problem. Nothing here ever writes.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Why a draft could not be read.
#[derive(Debug)]
pub struct InputError {
    pub path: PathBuf,
    pub problem: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.problem)
    }
}

impl std::error::Error for InputError {}

/// The name stdin goes by in output.
pub const STDIN: &str = "-";

/// Read a draft (`-` for stdin) of at most `max_bytes`: a bigger file is refused before it is
/// read, since analysis holds about a hundred bytes of facts per byte of draft.
pub fn read(path: &Path, max_bytes: u64) -> Result<String, InputError> {
    let err = |problem: String| InputError {
        path: path.to_path_buf(),
        problem,
    };
    let too_big = |len: u64| {
        format!(
            "is {len} bytes, over the limit of {max_bytes} (raise `max_file_size` in copydesk.toml to check it)"
        )
    };
    let bytes = if path.as_os_str() == STDIN {
        let mut buf = Vec::new();
        std::io::stdin()
            .take(max_bytes.saturating_add(1))
            .read_to_end(&mut buf)
            .map_err(|e| err(format!("cannot read standard input: {e}")))?;
        if buf.len() as u64 > max_bytes {
            return Err(err(too_big(buf.len() as u64)));
        }
        buf
    } else {
        if path.is_dir() {
            return Err(err("is a directory, not a draft".into()));
        }
        let len = std::fs::metadata(path)
            .map_err(|e| err(io_problem(&e)))?
            .len();
        if len > max_bytes {
            return Err(err(too_big(len)));
        }
        std::fs::read(path).map_err(|e| err(io_problem(&e)))?
    };
    decode(bytes).map_err(err)
}

fn io_problem(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => format!("cannot read: {e}"),
    }
}

/// Bytes to text, refusing binary files and other encodings with a precise message.
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        return Err(format!(
            "looks like a binary file (NUL byte at offset {nul}), not a text draft"
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        format!(
            "is not valid UTF-8 (byte 0x{:02X} at offset {at}, line {line}); save it as UTF-8 \
             (e.g. `iconv -f latin1 -t utf-8`)",
            bytes[at]
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_and_binary_are_refused_with_where() {
        let e = decode(b"caf\xe9\n".to_vec()).unwrap_err();
        assert!(e.contains("offset 3, line 1"), "{e}");
        let e = decode(b"\x7fELF\x00\x01".to_vec()).unwrap_err();
        assert!(e.contains("binary"), "{e}");
        assert_eq!(decode("Zoë".as_bytes().to_vec()).unwrap(), "Zoë");
    }
}
