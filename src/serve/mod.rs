//! `tuxiang serve`: the live preview. The site is rendered in memory (`public/` is never
//! touched), served over HTTP, rebuilt when a file is saved, and every open page reloads itself.
//! While the content has errors, every page shows them with file and line instead.

pub mod conn;
pub mod host;
pub mod http;
pub mod live;
#[cfg(test)]
mod live_tests;
pub mod page;
pub mod watch;

use anyhow::{anyhow, bail, Context, Result};
use live::{Builder, Bytes, Snapshot};
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard, RwLock};
use std::time::Instant;

/// The state shared between the file watcher and the HTTP workers.
pub struct Live {
    builder: Mutex<Builder>,
    current: RwLock<Arc<Snapshot>>,
}

impl Live {
    pub fn new(builder: Builder) -> Live {
        let snap = Arc::new(builder.snapshot());
        Live { builder: Mutex::new(builder), current: RwLock::new(snap) }
    }

    /// What to serve right now.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.current.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    fn builder(&self) -> MutexGuard<'_, Builder> {
        self.builder.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn print_file(&self, path: &str) -> Option<Bytes> {
        self.builder().print_file(path)
    }

    /// Rebuilds for a batch of changed paths (relative to the root) and logs what was done.
    pub fn rebuild(&self, changed: &std::collections::BTreeSet<String>) {
        let mut b = self.builder();
        let t0 = Instant::now();
        let what = b.rebuild(changed);
        if what.is_empty() {
            return;
        }
        let snap = Arc::new(b.snapshot());
        drop(b);
        let ms = t0.elapsed().as_secs_f64() * 1000.0;
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = snap.clone();
        log_rebuild(&what, ms, &snap);
    }
}

fn log_rebuild(what: &str, ms: f64, snap: &Snapshot) {
    let r = &snap.report;
    let mut line = format!("已重新生成 {what}（{ms:.0} ms）");
    if let Some(f) = &r.fatal {
        line.push_str(&format!("：无法生成网站：{f}"));
    } else if r.errors > 0 {
        line.push_str(&format!("：{} 个错误，网页上显示错误位置", r.errors));
    } else if r.warnings > 0 {
        line.push_str(&format!("：{} 个警告", r.warnings));
    }
    eprintln!("{line}");
    for i in r.items.iter().filter(|i| i.error) {
        eprintln!("  {} {}", i.at, i.message);
    }
}

/// Serves the site at `root` until the process is stopped.
pub fn run(root: &Path, bind: IpAddr, port: u16) -> Result<()> {
    if !root.is_dir() {
        bail!("站点文件夹 {} 不存在", root.display());
    }
    let root = root.canonicalize().with_context(|| format!("无法打开站点文件夹 {}", root.display()))?;
    let listener = TcpListener::bind(SocketAddr::new(bind, port))
        .map_err(|e| anyhow!("无法在 {bind} 的 {port} 端口上提供网页：{e}（端口可能已被占用：用 --port 换一个，或 --port 0 自动选择）"))?;
    let addr = listener.local_addr().map_err(|e| anyhow!("无法得知监听的端口：{e}"))?;

    // Watch before the first load, so a save during it is not missed; but never a folder that is
    // not a site (the load below says why), which may be a whole home folder.
    let watcher = root
        .join("content")
        .is_dir()
        .then(|| watch::Watch::start(&root))
        .and_then(|w| w.map_err(|e| eprintln!("警告：{}；保存后需要重新运行 tuxiang serve 才能看到修改", live::chain(&e))).ok());
    let t0 = Instant::now();
    let mut builder = Builder::new(&root);
    builder.load();
    if let Some(why) = builder.unreadable() {
        // Not a site at all (no content folder…): say so like `build` would.
        bail!("{why}");
    }
    let live = Arc::new(Live::new(builder));
    log_rebuild("网站", t0.elapsed().as_secs_f64() * 1000.0, &live.snapshot());
    if let Some(mut w) = watcher {
        let live = live.clone();
        std::thread::spawn(move || {
            while let Some(batch) = w.next_batch() {
                live.rebuild(&batch);
            }
        });
    }

    println!("正在预览：{} （Ctrl+C 退出）", url_of(addr));
    if addr.ip().is_unspecified() {
        println!("同一局域网的手机可用本机的 IP 地址访问（端口 {}）", addr.port());
    }

    conn::serve(&listener, &live, host::Hosts::new(addr));
    Ok(())
}

/// The address to open in a browser (loopback when listening on every interface).
pub fn url_of(addr: SocketAddr) -> String {
    let ip = match addr.ip() {
        IpAddr::V4(v4) if v4.is_unspecified() => IpAddr::V4(std::net::Ipv4Addr::LOCALHOST),
        IpAddr::V6(v6) if v6.is_unspecified() => IpAddr::V6(std::net::Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    match ip {
        IpAddr::V4(v4) => format!("http://{v4}:{}/", addr.port()),
        IpAddr::V6(v6) => format!("http://[{v6}]:{}/", addr.port()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_browsable() {
        assert_eq!(url_of("127.0.0.1:8000".parse().expect("addr")), "http://127.0.0.1:8000/");
        assert_eq!(url_of("0.0.0.0:80".parse().expect("addr")), "http://127.0.0.1:80/");
        assert_eq!(url_of("[::]:8000".parse().expect("addr")), "http://[::1]:8000/");
    }
}
