//! Which `Host` headers the preview answers. A DNS-rebinding page (`http://evil.example:8000/`
//! whose name the attacker re-points at 127.0.0.1 or at this machine's LAN address) reaches the
//! server with its own name in `Host`; refusing names that are not this machine keeps its script
//! from reading the site, the drafts and the problem list. Loopback servers are the usual
//! target, so the check holds for every bind address.

use super::http::Reply;
use std::net::{IpAddr, SocketAddr, UdpSocket};

/// The names and addresses this server is reached by.
#[derive(Debug, Clone, Copy)]
pub struct Hosts {
    /// The port actually listened on (after `--port 0` is resolved).
    port: u16,
    /// The address given to `--bind`.
    bound: IpAddr,
}

impl Hosts {
    pub fn new(listening: SocketAddr) -> Hosts {
        Hosts { port: listening.port(), bound: listening.ip() }
    }

    /// True for `localhost` (and `*.localhost`, which browsers resolve to loopback themselves),
    /// a loopback address, the bound address or one of this machine's addresses, each with this
    /// server's port (a missing port means 80).
    pub fn allows(&self, host: &str) -> bool {
        let Some((name, port)) = split_host(host) else {
            return false;
        };
        if port.unwrap_or(80) != self.port {
            return false;
        }
        match name.parse::<IpAddr>() {
            Ok(ip) => {
                let ip = ip.to_canonical();
                ip.is_loopback() || ip == self.bound || is_own_address(ip)
            }
            Err(_) => is_loopback_name(name),
        }
    }

    /// The answer to a foreign name: short, and pointing at the address that works.
    pub fn refusal(&self) -> Reply {
        let url = super::url_of(SocketAddr::new(self.bound, self.port));
        Reply::text(403, &format!("拒绝访问：请用本机地址打开预览，例如 {url}"))
    }
}

/// `name[:port]` or `[v6][:port]`; `None` when malformed (an unbracketed IPv6 address, a port
/// that is not a number, an empty name).
fn split_host(host: &str) -> Option<(&str, Option<u16>)> {
    let host = host.trim();
    let (name, port) = match host.strip_prefix('[') {
        Some(rest) => {
            let (name, after) = rest.split_once(']')?;
            let port = if after.is_empty() { None } else { Some(after.strip_prefix(':')?) };
            (name, port)
        }
        None => match host.split_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (host, None),
        },
    };
    let port = match port {
        Some(p) => Some(p.parse().ok()?),
        None => None,
    };
    (!name.is_empty()).then_some((name, port))
}

/// `localhost` and its subdomains (RFC 6761): no public DNS can answer for them, so an attacker
/// cannot re-point them.
fn is_loopback_name(name: &str) -> bool {
    let name = name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase();
    name == "localhost" || name.ends_with(".localhost")
}

/// Whether `ip` is assigned to one of this machine's interfaces: the kernel lets a socket bind
/// only to those, which spares listing the interfaces (no portable way without `unsafe`). An IP
/// literal is never a rebinding name, so a lenient kernel (`ip_nonlocal_bind`) loses nothing.
fn is_own_address(ip: IpAddr) -> bool {
    let special = match ip {
        IpAddr::V4(v4) => v4.is_unspecified() || v4.is_multicast() || v4.is_broadcast(),
        IpAddr::V6(v6) => v6.is_unspecified() || v6.is_multicast(),
    };
    !special && UdpSocket::bind(SocketAddr::new(ip, 0)).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hosts(addr: &str) -> Hosts {
        Hosts::new(addr.parse().expect("addr"))
    }

    #[test]
    fn loopback_names_and_addresses_with_the_port_pass() {
        let h = hosts("127.0.0.1:8000");
        for ok in ["127.0.0.1:8000", "localhost:8000", "LocalHost.:8000", "app.localhost:8000", "[::1]:8000", "127.0.0.2:8000"] {
            assert!(h.allows(ok), "{ok}");
        }
        for bad in [
            "evil.example",
            "evil.example:8000",
            "localhost.evil.example:8000",
            "localhost:8001",
            "localhost",
            "127.0.0.1:80",
            "127.0.0.1:x",
            "::1:8000",
            "[::1",
            ":8000",
            "",
            "8.8.8.8:8000",
        ] {
            assert!(!h.allows(bad), "{bad}");
        }
        assert!(hosts("127.0.0.1:80").allows("localhost"), "no port means 80");
    }

    #[test]
    fn a_bind_to_every_interface_takes_the_machines_addresses() {
        let h = hosts("0.0.0.0:8000");
        assert!(h.allows("127.0.0.1:8000"));
        assert!(h.allows("0.0.0.0:8000"), "the bound address");
        assert!(!h.allows("evil.example:8000"));
        assert!(!h.allows("192.0.2.7:8000"), "a documentation address is nobody's");
        let bound = hosts("192.0.2.7:8000");
        assert!(bound.allows("192.0.2.7:8000"), "the address given to --bind");
    }
}
