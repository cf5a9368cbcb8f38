//! Compiles the place gazetteer: parses the tables in `data/gazetteer/` with the same code the
//! library uses (`src/gazetteer.rs`) and writes the result to `OUT_DIR/gazetteer.bin`, which
//! the library includes, so that a process reads the gazetteer instead of parsing 6 MB of
//! text at start-up.

#[allow(dead_code, unreachable_pub, missing_docs)]
#[path = "src/gazetteer.rs"]
mod gazetteer;

/// What `src/gazetteer.rs` reads at run time; nothing yet while it is being compiled.
mod compiled {
    pub(crate) const GAZETTEER: &[u8] = &[];
}

fn main() {
    println!("cargo::rerun-if-changed=src/gazetteer.rs");
    println!("cargo::rerun-if-changed=data/gazetteer");
    let gazetteer = match gazetteer::Gazetteer::parse() {
        Ok(g) => g,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    if let Err(e) = std::fs::write(out.join("gazetteer.bin"), gazetteer.to_bytes()) {
        eprintln!("error: cannot write the compiled gazetteer: {e}");
        std::process::exit(1);
    }
}
