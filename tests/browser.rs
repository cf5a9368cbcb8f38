//! End-to-end browser test: builds the repository's own example archive, then clicks
//! through the generated site in headless Chromium, driven over the W3C WebDriver
//! protocol (a small HTTP/1.1 client on `std::net`, no extra crates).
//!
//! Needs Debian's `chromium` and `chromium-driver` packages. Without them the test is
//! skipped, except when `CI` is set, where it fails. Set `BRIEFING_SCREENSHOTS=<dir>` to
//! keep PNG screenshots of the home page at desktop and phone width in `<dir>`.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";

/// Flags this machine's Chromium needs: headless as root, and no background traffic
/// (the network is closed, so any attempt only produces errors).
const CHROMIUM_ARGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

const DESKTOP: (u32, u32) = (1280, 900);
const PHONE: (u32, u32) = (390, 844);

/// How long one page may take to load after a click.
const PAGE_TIMEOUT: Duration = Duration::from_secs(20);

#[test]
fn click_through_the_example_archive() {
    if !browser_installed() {
        return;
    }
    let tmp = tempfile::tempdir().expect("create temp dir");
    let site = build_example_site(tmp.path());
    let browser = Browser::start(tmp.path());

    let home = file_url(&site.join("index.html"));
    browser.navigate(&home);
    assert_eq!(browser.current_url(), home);
    check_page(&browser, "home page");
    screenshots_of_home_page(&browser);

    let topic = browser.click_link(r#"a[href*="topics/"]:not([href*="topics/index"])"#);
    assert_link_target(&topic, "topics/");
    check_page(&browser, "topic page");

    let article = browser.click_link("a.article-link");
    assert_link_target(&article, "articles/");
    check_page(&browser, "article page");

    let place = browser.click_link("ul.places a");
    assert_link_target(&place, "places/");
    check_page(&browser, "place page");
}

/// Whether Chromium and ChromeDriver are on the machine; in CI their absence is a failure.
fn browser_installed() -> bool {
    let Some(missing) = [CHROMEDRIVER, CHROMIUM]
        .into_iter()
        .find(|path| !Path::new(path).exists())
    else {
        return true;
    };
    let name = missing.rsplit('/').next().unwrap_or(missing);
    assert!(
        std::env::var_os("CI").is_none(),
        "CI is set but {name} is not installed: apt-get install chromium chromium-driver"
    );
    eprintln!("skipped: {name} not installed (apt-get install chromium chromium-driver)");
    false
}

/// Runs `briefing build` on the repository itself and returns the output folder.
fn build_example_site(tmp: &Path) -> PathBuf {
    let site = tmp.join("site");
    let output = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["build", "--root", env!("CARGO_MANIFEST_DIR"), "--output"])
        .arg(&site)
        .arg("--quiet")
        .output()
        .expect("run briefing");
    assert!(
        output.status.success(),
        "briefing build failed ({}):\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    site
}

fn file_url(path: &Path) -> String {
    let path = path.canonicalize().expect("canonicalize site path");
    format!("file://{}", path.display())
}

/// The page reached by a click is the link's own target, an `.html` page under `folder`.
fn assert_link_target(url: &str, folder: &str) {
    assert!(
        url.contains(&format!("/{folder}")) && url.ends_with(".html"),
        "expected a link to a {folder}*.html page, followed {url}"
    );
}

/// Checks shared by every page: a title, a stylesheet that applied, and a clean console.
fn check_page(browser: &Browser, what: &str) {
    let h1: Value = browser
        .execute("const h1 = document.querySelector('h1'); return h1 && h1.textContent.trim();");
    assert!(
        h1.as_str().is_some_and(|text| !text.is_empty()),
        "{what}: no <h1> with text ({})",
        browser.current_url()
    );

    let sheets = browser.execute("return document.styleSheets.length;");
    assert!(
        sheets.as_u64().unwrap_or(0) >= 1,
        "{what}: no stylesheet on the page"
    );
    // On file:// pages Chromium refuses to read `cssRules`, and a stylesheet that failed
    // to load still has a `sheet`; so look at an effect of the theme's CSS instead: it
    // takes the skip link out of the flow, where the browser's default is `static`.
    let position = browser.execute(
        "const a = document.querySelector('a.skip-link'); \
         return a && getComputedStyle(a).position;",
    );
    assert!(
        position.is_string() && position != "static",
        "{what}: the stylesheet did not apply: skip link position is {position}"
    );

    let severe: Vec<Value> = browser
        .browser_log()
        .into_iter()
        .filter(|entry| entry["level"] == "SEVERE")
        .collect();
    assert!(
        severe.is_empty(),
        "{what}: errors in the browser console at {}:\n{}",
        browser.current_url(),
        serde_json::to_string_pretty(&severe).unwrap()
    );
}

/// Screenshots of the current page at desktop and phone width, kept only when
/// `BRIEFING_SCREENSHOTS` names a folder. Leaves the window at desktop size.
fn screenshots_of_home_page(browser: &Browser) {
    let keep = std::env::var_os("BRIEFING_SCREENSHOTS").map(PathBuf::from);
    for (name, (width, height)) in [("home-1280.png", DESKTOP), ("home-390.png", PHONE)] {
        browser.set_window_size(width, height);
        let png = browser.screenshot();
        assert_eq!(png_width(&png), Some(width), "{name}: screenshot width");
        let overflow = browser.execute(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
        );
        assert_eq!(
            overflow, 0,
            "home page at {width} px wide scrolls sideways by {overflow} px"
        );
        if let Some(dir) = &keep {
            fs::create_dir_all(dir).expect("create screenshot folder");
            let path = dir.join(name);
            fs::write(&path, &png).expect("write screenshot");
            eprintln!("screenshot: {}", path.display());
        }
    }
    browser.set_window_size(DESKTOP.0, DESKTOP.1);
}

/// The width from a PNG's IHDR chunk, if `png` starts like a PNG file.
fn png_width(png: &[u8]) -> Option<u32> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if !png.starts_with(SIGNATURE) || png.get(12..16)? != b"IHDR" {
        return None;
    }
    Some(u32::from_be_bytes(png.get(16..20)?.try_into().ok()?))
}

/// A running ChromeDriver with one Chromium session. Dropping it ends the session and
/// kills ChromeDriver, also when the test panics.
struct Browser {
    port: u16,
    session: String,
    chromedriver: Child,
    log: PathBuf,
}

impl Browser {
    /// Starts ChromeDriver on a free loopback port and opens a headless Chromium session
    /// with a fresh profile in `tmp`.
    fn start(tmp: &Path) -> Browser {
        let port = free_port();
        let log = tmp.join("chromedriver.log");
        let chromedriver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .arg(format!("--log-path={}", log.display()))
            .arg("--log-level=WARNING")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let mut browser = Browser {
            port,
            session: String::new(),
            chromedriver,
            log,
        };
        browser.wait_until_ready();

        let profile = tmp.join("chromium-profile");
        fs::create_dir(&profile).expect("create chromium profile folder");
        let mut args: Vec<String> = CHROMIUM_ARGS.iter().map(|arg| arg.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        args.push(format!("--window-size={},{}", DESKTOP.0, DESKTOP.1));
        let capabilities = json!({
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "chrome",
                    "goog:chromeOptions": { "binary": CHROMIUM, "args": args },
                    "goog:loggingPrefs": { "browser": "ALL" },
                }
            }
        });
        let created = browser.request("POST", "/session", Some(&capabilities));
        browser.session = created["sessionId"]
            .as_str()
            .expect("new session has an id")
            .to_string();
        browser
    }

    fn wait_until_ready(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(Some(status)) = self.chromedriver.try_wait() {
                panic!("chromedriver exited at start: {status}");
            }
            let status = http(self.port, "GET", "/status", None);
            if matches!(status, Ok((200, ref body)) if body["value"]["ready"] == true) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "chromedriver not ready after 20 s: {status:?}"
            );
            sleep(Duration::from_millis(100));
        }
    }

    /// Sends one WebDriver command and returns its `value`; panics on a WebDriver error.
    fn request(&self, method: &str, path: &str, body: Option<&Value>) -> Value {
        match http(self.port, method, path, body) {
            Ok((200, mut response)) => response["value"].take(),
            Ok((status, response)) => panic!(
                "{method} {path}: HTTP {status}: {} {}",
                response["value"]["error"], response["value"]["message"]
            ),
            Err(err) => panic!("{method} {path}: {err}"),
        }
    }

    fn command(&self, method: &str, command: &str, body: Option<&Value>) -> Value {
        let path = format!("/session/{}/{command}", self.session);
        self.request(method, &path, body)
    }

    fn navigate(&self, url: &str) {
        self.command("POST", "url", Some(&json!({ "url": url })));
    }

    fn current_url(&self) -> String {
        self.command("GET", "url", None)
            .as_str()
            .expect("URL is a string")
            .to_string()
    }

    /// Runs `script` as the body of a function in the page and returns its result.
    fn execute(&self, script: &str) -> Value {
        let body = json!({ "script": script, "args": [] });
        self.command("POST", "execute/sync", Some(&body))
    }

    /// Clicks the first element matching `css` (a link) and waits until the browser has
    /// loaded the link's target; returns that URL.
    fn click_link(&self, css: &str) -> String {
        let query = json!({ "using": "css selector", "value": css });
        let found = self.command("POST", "element", Some(&query));
        let element = found["element-6066-11e4-a52e-4f735466cecf"]
            .as_str()
            .unwrap_or_else(|| panic!("no element matches {css} on {}", self.current_url()))
            .to_string();
        let target = self.command("GET", &format!("element/{element}/property/href"), None);
        let target = target
            .as_str()
            .unwrap_or_else(|| panic!("{css} has no href"))
            .to_string();
        self.command(
            "POST",
            &format!("element/{element}/click"),
            Some(&json!({})),
        );

        let deadline = Instant::now() + PAGE_TIMEOUT;
        loop {
            let loaded = self.execute("return document.readyState;") == "complete";
            let url = self.current_url();
            if loaded && url == target {
                eprintln!("followed {css} to {url}");
                return url;
            }
            assert!(
                Instant::now() < deadline,
                "clicked {css} to {target}, but the browser is at {url}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    /// Browser console entries since the last call (ChromeDriver clears them on read).
    fn browser_log(&self) -> Vec<Value> {
        let entries = self.command("POST", "se/log", Some(&json!({ "type": "browser" })));
        entries.as_array().cloned().unwrap_or_default()
    }

    fn set_window_size(&self, width: u32, height: u32) {
        let rect = json!({ "width": width, "height": height });
        self.command("POST", "window/rect", Some(&rect));
    }

    /// A PNG of the viewport.
    fn screenshot(&self) -> Vec<u8> {
        let encoded = self.command("GET", "screenshot", None);
        base64_decode(encoded.as_str().expect("screenshot is a string"))
            .expect("screenshot is valid base64")
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let path = format!("/session/{}", self.session);
            // Errors are ignored: we may be unwinding from a panic already.
            let _ = http(self.port, "DELETE", &path, None);
        }
        let _ = self.chromedriver.kill();
        let _ = self.chromedriver.wait();
        if std::thread::panicking() {
            let log = fs::read_to_string(&self.log).unwrap_or_default();
            if !log.trim().is_empty() {
                eprintln!("chromedriver's warnings:\n{log}");
            }
        }
    }
}

/// A loopback port nobody listens on right now.
fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    listener.local_addr().expect("local address").port()
}

/// One HTTP/1.1 request to ChromeDriver on `port`; returns the status and the JSON body.
fn http(port: u16, method: &str, path: &str, body: Option<&Value>) -> Result<(u16, Value), String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(Duration::from_secs(120)))
        .map_err(|e| e.to_string())?;
    let body = body.map(Value::to_string).unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\n\
         Host: 127.0.0.1:{port}\r\n\
         Content-Type: application/json; charset=utf-8\r\n\
         Content-Length: {}\r\n\
         Connection: close\r\n\r\n{body}",
        body.len()
    );
    stream
        .write_all(request.as_bytes())
        .map_err(|e| e.to_string())?;

    let mut reader = BufReader::new(stream);
    let mut status_line = String::new();
    reader
        .read_line(&mut status_line)
        .map_err(|e| e.to_string())?;
    let status: u16 = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| format!("bad status line {status_line:?}"))?;

    let mut content_length = None;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).map_err(|e| e.to_string())?;
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            content_length = value.trim().parse::<usize>().ok();
        }
    }
    let length = content_length.ok_or("response without Content-Length")?;
    let mut body = vec![0; length];
    reader.read_exact(&mut body).map_err(|e| e.to_string())?;
    let json = serde_json::from_slice(&body).map_err(|e| format!("{e}: {body:?}"))?;
    Ok((status, json))
}

/// Decodes standard base64 (RFC 4648, `=` padding optional).
fn base64_decode(text: &str) -> Result<Vec<u8>, String> {
    fn sextet(c: u8) -> Result<u32, String> {
        Ok(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return Err(format!("not a base64 character: {:?}", c as char)),
        }
        .into())
    }
    let digits = text.trim_end_matches('=').as_bytes();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        if chunk.len() == 1 {
            return Err("truncated base64".into());
        }
        let mut bits = 0;
        for (i, &c) in chunk.iter().enumerate() {
            bits |= sextet(c)? << (18 - 6 * i);
        }
        let bytes = bits.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Ok(out)
}

#[test]
fn base64_decodes_padded_and_unpadded_input() {
    assert_eq!(base64_decode("").unwrap(), b"");
    assert_eq!(base64_decode("Zg==").unwrap(), b"f");
    assert_eq!(base64_decode("Zm8=").unwrap(), b"fo");
    assert_eq!(base64_decode("Zm9v").unwrap(), b"foo");
    assert_eq!(base64_decode("Zm9vYg").unwrap(), b"foob");
    assert_eq!(base64_decode("+/+/").unwrap(), [0xfb, 0xff, 0xbf]);
    assert!(base64_decode("Zm9v!").is_err());
}
