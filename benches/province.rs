//! Province-scale benchmark (issue: speed at province scale). Run by hand, never in the test suite:
//!
//!     cargo bench --bench province              # 150 → 300 → 600 notices
//!     cargo bench --bench province -- 300       # one size
//!
//! It generates sites in the notice format (30–100 classes in 8–30 colleges, 1–5 rooms of 1–3
//! stations, 1–3 days, `timetable: auto`, 1–2 KB Chinese bodies, CSV rosters), then times the
//! release binary as whole processes (median of 5): `check`, `build --only html`, the full build,
//! `schedule` of the largest notice, and one incremental rebuild (`build` after editing one
//! notice). With `hugo` on the PATH it builds an equivalent Hugo site in the same run and prints
//! the ratio of pages per second. Peak RSS comes from wait4's rusage (ru_maxrss).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// A small deterministic generator (xorshift), so every run builds the same sites.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
}

const COLLEGES: &[&str] = &[
    "文学院",
    "历史文化学院",
    "外国语学院",
    "新闻与传播学院",
    "法学院",
    "马克思主义学院",
    "教育科学学院",
    "体育学院",
    "数学与统计学院",
    "物理与电子科学学院",
    "化学化工学院",
    "生命科学学院",
    "地理科学学院",
    "计算机科学与工程学院",
    "信息与电气工程学院",
    "机电工程学院",
    "土木工程学院",
    "材料科学与工程学院",
    "资源环境与安全工程学院",
    "建筑与设计学院",
    "商学院",
    "经济学院",
    "公共管理学院",
    "音乐学院",
    "美术学院",
    "医学院",
    "护理学院",
    "药学院",
    "农学院",
    "国际教育学院",
];
const MAJORS: &[&str] = &[
    "汉语言文学",
    "英语",
    "法学",
    "数学",
    "物理",
    "化学",
    "生物",
    "地理",
    "计算机",
    "软件工程",
    "电气",
    "机械",
    "土木",
    "材料",
    "会计",
    "金融",
    "音乐",
    "美术",
    "临床",
    "护理",
];

fn body(rng: &mut Rng, fee: u32, date: &str) -> String {
    let mut b = String::from("## 采集说明\n\n毕业生图像采集是学历证书电子注册的重要环节，采集的照片将用于毕业证书、学位证书及学信网电子注册。请同学们认真对待，按时参加。\n\n");
    let _ = writeln!(b, "采集费用为每人{fee}元，由学院统一收取。采集日期为{date}，请按时间表到场。\n");
    b.push_str("## 采集码\n\n1. 登录学信网 APP，点击“学籍查询”，查看学籍学历信息；\n2. 选择学籍，查看对应采集码，并**保存到手机相册**；\n3. 也可关注“学信网”微信公众号，绑定账号后获取。\n\n");
    b.push_str("## 现场要求\n\n- 坐姿端正，表情自然，双眼平视，耳朵对称，两手自然下垂；\n- 不戴有色眼镜，不佩戴耳环、项链等饰品；\n- 头发不得遮挡眉毛、眼睛和耳朵；\n- 以班级为单位，提前十五分钟在指定地点按学号顺序排队。\n\n");
    for _ in 0..rng.range(1, 4) {
        b.push_str("请各学院确定一位负责人到拍摄现场，协助做好本院学生图像采集的组织与协调工作，以防现场拥堵，确保拍摄工作井然有序。\n\n");
    }
    b
}

/// Writes one notice with its roster; returns the number of classes.
fn notice(dir: &Path, i: usize, rng: &mut Rng) -> usize {
    let year = 2026 + (i % 3) as i32;
    let colleges = rng.range(8, 30) as usize;
    let classes = rng.range(30.max(colleges as u64), 100) as usize;
    let rooms = rng.range(1, 5) as usize;
    let days = rng.range(1, 3) as usize;
    let fee = 15;
    let mut roster = String::from("college,class,headcount\n");
    let start = rng.range(0, colleges as u64) as usize;
    let mut total = 0;
    for c in 0..classes {
        let col = COLLEGES[(start + c % colleges) % COLLEGES.len()];
        let major = MAJORS[(c * 7 + i) % MAJORS.len()];
        let h = rng.range(25, 45) as usize;
        total += h;
        let _ = writeln!(roster, "{col},{major}{}{:02},{h}", year % 100 - 4, c + 1);
    }
    // Enough station time: 20 s a student over 7 h a day.
    let mut stations_total = 0;
    let mut room_yaml = String::new();
    for r in 0..rooms {
        let st = rng.range(1, 3) as usize;
        stations_total += st;
        let _ = writeln!(room_yaml, "    - {{ id: r{r}, name: 第{}教学楼{}室, stations: {st} }}", r + 1, 100 + r);
    }
    let need_days = (total * 20).div_ceil(stations_total * 7 * 3600);
    let days = days.max(need_days);
    let mut day_yaml = String::new();
    for d in 0..days {
        let _ = writeln!(day_yaml, "    - {{ date: {}-04-{:02}, sessions: [\"08:00-11:30\", \"14:00-17:30\"] }}", year - 1, 10 + d);
    }
    let text = format!(
        "---\ntitle: 关于做好{year}届毕业生图像信息采集工作的通知（{i}）\nschool: 示例大学{i}\noffice: 教务处\nissued: {py}-03-20\ncohort: {year}\naudience: {year}届全体本科毕业生\nfee:\n  amount: {fee}\n  payer: college\n  method: 以学院为单位统一转账\n  deadline: {py}-04-01\ncapture:\n  seconds_per_student: 20\n  changeover_minutes: 1\n  days:\n{day_yaml}  rooms:\n{room_yaml}  groups: rosters/n{i}.csv\n  timetable: auto\ncode:\n  lead_days: 3\nproofreading:\n  from: {py}-06-01\n  until: {py}-06-30\ndress:\n  - 穿单色有领衣服\n  - 背景为蓝色：禁穿蓝、黄、绿、紫色上衣\ncontacts:\n  - name: 教务处学籍科\n    phone: 0731-88888888\n---\n{}",
        body(rng, fee, &format!("{}年4月10日", year - 1)),
        py = year - 1
    );
    std::fs::create_dir_all(dir.join("rosters")).expect("mkdir");
    std::fs::write(dir.join(format!("n{i}.md")), text).expect("write");
    std::fs::write(dir.join(format!("rosters/n{i}.csv")), roster).expect("write");
    classes
}

fn generate(root: &Path, n: usize) {
    let _ = std::fs::remove_dir_all(root);
    std::fs::create_dir_all(root.join("content/p")).expect("mkdir");
    std::fs::write(root.join("site.toml"), "title = \"全省毕业生图像信息采集\"\nbase_url = \"https://example.edu.cn/tuxiang\"\n")
        .expect("write");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for i in 0..n {
        notice(&root.join("content/p"), i, &mut rng);
    }
}

/// Runs a command, returning (seconds, peak RSS in MB).
fn timed(cmd: &mut Command) -> (f64, f64) {
    let t = Instant::now();
    let out = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%M")
        .arg(cmd.get_program())
        .args(cmd.get_args())
        .current_dir(cmd.get_current_dir().unwrap_or(Path::new(".")))
        .output()
        .expect("run");
    let secs = t.elapsed().as_secs_f64();
    let err = String::from_utf8_lossy(&out.stderr);
    let kb: f64 = err.lines().last().and_then(|l| l.trim().parse().ok()).unwrap_or(0.0);
    if !out.status.success() {
        eprintln!("command failed: {:?}\n{}", cmd, err);
    }
    (secs, kb / 1024.0)
}

fn median(cmd: impl Fn() -> Command, runs: usize) -> (f64, f64) {
    let mut v: Vec<(f64, f64)> = (0..runs).map(|_| timed(&mut cmd())).collect();
    v.sort_by(|a, b| a.0.total_cmp(&b.0));
    let rss = v.iter().map(|x| x.1).fold(0.0, f64::max);
    (v[runs / 2].0, rss)
}

fn hugo_site(root: &Path, hugo_root: &Path) -> Option<usize> {
    let _ = std::fs::remove_dir_all(hugo_root);
    std::fs::create_dir_all(hugo_root.join("layouts/_default")).ok()?;
    std::fs::write(
        hugo_root.join("hugo.toml"),
        "baseURL = 'https://example.edu.cn/'\ntitle = 'bench'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap']\n",
    )
    .ok()?;
    std::fs::write(hugo_root.join("layouts/_default/single.html"), "<!DOCTYPE html><html lang=\"zh-CN\"><title>{{ .Title }}</title><h1>{{ .Title }}</h1><table><tr><th>日期</th><th>时间</th><th>地点</th><th>学院</th></tr>{{ range .Params.slots }}<tr><td>{{ .date }}</td><td>{{ .start }}-{{ .end }}</td><td>{{ .room }}</td><td>{{ .college }}</td></tr>{{ end }}</table>{{ .Content }}</html>").ok()?;
    std::fs::write(
        hugo_root.join("layouts/_default/list.html"),
        "<ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>",
    )
    .ok()?;
    std::fs::write(
        hugo_root.join("layouts/index.html"),
        "<ul>{{ range .Site.RegularPages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>",
    )
    .ok()?;
    std::fs::create_dir_all(hugo_root.join("content/p")).ok()?;
    let mut pages = 0;
    for e in std::fs::read_dir(root.join("public/p")).ok()?.filter_map(Result::ok) {
        let json = std::fs::read_to_string(e.path().join("timetable.json")).ok()?;
        let name = e.file_name().to_string_lossy().into_owned();
        let md = std::fs::read_to_string(root.join(format!("content/p/{name}.md"))).ok()?;
        let (front, body) = md.trim_start_matches("---\n").split_once("\n---\n")?;
        let v: serde_json::Value = serde_json::from_str(&json).ok()?;
        let mut slots = String::from("slots:\n");
        for s in v["slots"].as_array()? {
            let _ = writeln!(
                slots,
                "  - {{ date: \"{}\", start: \"{}\", end: \"{}\", room: \"{}\", college: \"{}\" }}",
                s["date"].as_str()?,
                s["start"].as_str()?,
                s["end"].as_str()?,
                s["room"].as_str()?,
                s["college"].as_str()?
            );
        }
        let front = front.replace("groups: rosters/", "groups: ");
        std::fs::write(hugo_root.join(format!("content/p/{name}.md")), format!("---\n{front}\n{slots}---\n{body}")).ok()?;
        pages += 1;
    }
    Some(pages)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    let sizes: Vec<usize> = if args.is_empty() { vec![150, 300, 600] } else { args.iter().filter_map(|a| a.parse().ok()).collect() };
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let status = Command::new("cargo").args(["build", "--release", "--quiet"]).current_dir(&manifest).status().expect("cargo");
    assert!(status.success());
    let bin = manifest.join("target/release/tuxiang");
    let hugo = Command::new("hugo")
        .arg("version")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    println!(
        "tuxiang province benchmark ({} cores){}",
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        hugo.as_ref().map(|h| format!("; {h}")).unwrap_or_else(|| "; hugo not installed (apt-get install hugo)".into())
    );
    println!(
        "{:>8} {:>9} {:>10} {:>10} {:>10} {:>10} {:>11} {:>9} {:>9}",
        "notices", "check s", "html s", "full s", "sched s", "incr s", "hugo s", "ratio", "RSS MB"
    );
    for n in sizes {
        let root = std::env::temp_dir().join(format!("tuxiang-bench-{n}"));
        generate(&root, n);
        let run = |args: &'static [&'static str]| {
            let (bin, root) = (bin.clone(), root.clone());
            move || {
                let mut c = Command::new(&bin);
                c.arg("--root").arg(&root).args(args).current_dir(&root);
                c
            }
        };
        let (check, r1) = median(run(&["check"]), 5);
        let (html, r2) = median(run(&["build", "--only", "html"]), 5);
        let (full, r3) = median(run(&["build"]), 3);
        let (sched, _) = median(run(&["schedule", "content/p/n0.md", "--format", "json"]), 5);
        // An edit to one notice, then a rebuild of the site (what `serve` does per save, as a process).
        let edit = root.join("content/p/n1.md");
        let text = std::fs::read_to_string(&edit).expect("read");
        std::fs::write(&edit, text.replacen("请同学们认真对待", "请同学们务必认真对待", 1)).expect("write");
        let (incr, _) = median(run(&["build", "--only", "html"]), 3);
        let rss = r1.max(r2).max(r3);
        let (hugo_s, ratio) = if hugo.is_some() {
            let hroot = std::env::temp_dir().join(format!("tuxiang-bench-hugo-{n}"));
            match hugo_site(&root, &hroot) {
                Some(pages) => {
                    let (h, _) = median(
                        || {
                            let mut c = Command::new("hugo");
                            c.arg("--quiet").arg("--source").arg(&hroot).current_dir(&hroot);
                            c
                        },
                        5,
                    );
                    let tux_pps = n as f64 / html;
                    let hugo_pps = pages as f64 / h;
                    (format!("{h:.3}"), format!("{:.2}x", tux_pps / hugo_pps))
                }
                None => ("-".into(), "-".into()),
            }
        } else {
            ("-".into(), "-".into())
        };
        println!("{n:>8} {check:>9.3} {html:>10.3} {full:>10.3} {sched:>10.3} {incr:>10.3} {hugo_s:>11} {ratio:>9} {rss:>9.1}");
    }
}
