//! The pages only the preview shows: the error page, the problem list, "not found", and the
//! small script that reloads a page when the site is rebuilt.

use super::live::Report;
use crate::render::theme::escape_html;

/// Where the page script asks for the current build number.
pub const VERSION_PATH: &str = "/__tuxiang/version";
/// Every diagnostic of the current build, warnings included.
pub const PROBLEMS_PATH: &str = "/__tuxiang/problems";

/// The reload script: polls the build number and reloads when it differs from the one the page
/// was served with. Plain XMLHttpRequest and timers, so it also runs in WeChat's browser.
pub fn reload_script(version: u64) -> String {
    format!(
        r#"<script>/* tuxiang serve */(function(){{var v="{version}";function poll(){{var x=new XMLHttpRequest();x.open("GET","{VERSION_PATH}?t="+Date.now(),true);x.onreadystatechange=function(){{if(x.readyState!==4)return;if(x.status===200&&x.responseText!==v){{location.reload();return;}}setTimeout(poll,x.status===200?400:2000);}};x.send();}}setTimeout(poll,400);}})();</script>"#
    )
}

/// A small corner badge on every page while there are warnings.
fn warnings_badge(report: &Report) -> String {
    if report.warnings == 0 {
        return String::new();
    }
    format!(
        r#"<a href="{PROBLEMS_PATH}" style="position:fixed;right:12px;bottom:12px;z-index:9999;padding:6px 10px;border-radius:6px;background:#fff3cd;color:#664d03;border:1px solid #e6c766;font:14px/1.4 sans-serif;text-decoration:none">⚠ {} 条警告</a>"#,
        report.warnings
    )
}

/// A served page with the preview's additions just before `</body>`.
pub fn inject(html: &[u8], version: u64, report: &Report) -> Vec<u8> {
    let extra = format!("{}{}", warnings_badge(report), reload_script(version));
    let at = find_last(html, b"</body>").or_else(|| find_last(html, b"</BODY>")).unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + extra.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn shell(title: &str, body: &str, version: u64) -> Vec<u8> {
    format!(
        r#"<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body{{font:16px/1.6 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:960px;padding:16px;color:#222}}
h1{{font-size:1.4em}} h1.bad{{color:#b00020}} h1.warn{{color:#8a6100}}
ul{{padding-left:1.2em}} li{{margin:.3em 0}} code{{background:#f3f3f3;padding:0 4px;border-radius:3px}}
li.error code{{color:#b00020}} li.warning code{{color:#8a6100}}
pre{{background:#1e1e1e;color:#eee;padding:12px;border-radius:6px;overflow-x:auto;font:13px/1.45 Menlo,Consolas,"Sarasa Mono SC",monospace}}
.hint{{color:#555}}
</style>
</head>
<body>
{body}
{script}
</body>
</html>
"#,
        title = escape_html(title),
        script = reload_script(version)
    )
    .into_bytes()
}

fn item_list(report: &Report) -> String {
    let mut s = String::from("<ul>\n");
    for i in &report.items {
        s.push_str(&format!(
            "<li class=\"{}\"><code>{}</code> {}：{} <small>[{}]</small></li>\n",
            if i.error { "error" } else { "warning" },
            escape_html(&i.at),
            if i.error { "错误" } else { "警告" },
            escape_html(&i.message),
            i.code
        ));
    }
    s.push_str("</ul>\n");
    s
}

fn details(report: &Report) -> String {
    let mut s = String::new();
    if let Some(f) = &report.fatal {
        s.push_str(&format!("<pre>{}</pre>\n", escape_html(f)));
    }
    if !report.items.is_empty() {
        s.push_str(&item_list(report));
        s.push_str(&format!("<pre>{}</pre>\n", escape_html(&report.text)));
    }
    s
}

/// Shown instead of every page while the site has errors.
pub fn error_page(report: &Report, version: u64) -> Vec<u8> {
    let heading = if report.errors > 0 {
        format!("检查未通过：{} 个错误，{} 个警告", report.errors, report.warnings)
    } else {
        "无法生成网站".to_string()
    };
    let body = format!(
        "<h1 class=\"bad\">{}</h1>\n<p class=\"hint\">按下面的位置（文件:行:列）改正后保存，本页会自动刷新。</p>\n{}",
        escape_html(&heading),
        details(report)
    );
    shell(&format!("{heading} · tuxiang 预览"), &body, version)
}

/// Every problem of the current build (linked from the warnings badge).
pub fn problems_page(report: &Report, version: u64) -> Vec<u8> {
    if report.blocking() {
        return error_page(report, version);
    }
    let (class, heading) = if report.warnings > 0 {
        ("warn", format!("检查通过，有 {} 个警告", report.warnings))
    } else {
        ("", "检查通过，没有问题".to_string())
    };
    let body = format!("<h1 class=\"{class}\">{}</h1>\n<p><a href=\"/\">返回首页</a></p>\n{}", escape_html(&heading), details(report));
    shell(&format!("{heading} · tuxiang 预览"), &body, version)
}

/// The 404 page: a fixed message, never the path asked for (which may be huge or hostile).
pub fn not_found_page(version: u64) -> Vec<u8> {
    let body = "<h1>页面不存在</h1>\n<p class=\"hint\">网站里没有这个网页。保存通知后若生成了它，本页会自动刷新。</p>\n<p><a href=\"/\">返回首页</a></p>";
    shell("页面不存在 · tuxiang 预览", body, version)
}

#[cfg(test)]
mod tests {
    use super::super::live::Item;
    use super::*;

    fn report() -> Report {
        Report {
            fatal: None,
            errors: 1,
            warnings: 0,
            text: "error[unknown-key]: <payr>\n   ┌─ content/notice.md:11:3\n".into(),
            items: vec![Item {
                error: true,
                code: "unknown-key",
                at: "content/notice.md:11:3".into(),
                message: "没有字段「<payr>」".into(),
            }],
        }
    }

    #[test]
    fn the_error_page_names_file_and_line_and_escapes() {
        let page = String::from_utf8(error_page(&report(), 7)).expect("utf-8");
        assert!(page.contains("<code>content/notice.md:11:3</code>"), "{page}");
        assert!(page.contains("&lt;payr&gt;"), "{page}");
        assert!(!page.contains("<payr>"), "{page}");
        assert!(page.contains("var v=\"7\""), "{page}");
    }

    #[test]
    fn the_script_goes_before_the_closing_body_tag() {
        let r = Report::default();
        let out = String::from_utf8(inject(b"<html><body><p>x</p></body></html>", 3, &r)).expect("utf-8");
        assert!(out.ends_with("</script></body></html>"), "{out}");
        assert!(out.contains("<p>x</p><script>"), "{out}");
        let bare = String::from_utf8(inject(b"<p>no body</p>", 3, &r)).expect("utf-8");
        assert!(bare.starts_with("<p>no body</p><script>"), "{bare}");
    }

    #[test]
    fn warnings_show_a_badge() {
        let r = Report { warnings: 2, ..Report::default() };
        let out = String::from_utf8(inject(b"<body></body>", 1, &r)).expect("utf-8");
        assert!(out.contains("2 条警告"), "{out}");
    }
}
