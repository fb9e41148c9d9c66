//! Province-scale benchmark (issue 7). Run by hand, never in the test suite:
//!
//!     cargo bench --bench province                      # 150 → 300 → 600 notices
//!     cargo bench --bench province -- 300 --runs 3      # one size, 3 runs a measurement
//!     cargo bench --bench province -- 600 --generate-only   # write and check the site only
//!
//! It generates sites in the notice format (30–100 classes in 8–30 colleges, 1–5 rooms of 1–3
//! stations, 1–3 days or more when the students need them, `timetable: auto`, 1–2 KB Chinese
//! bodies, CSV rosters), checks them once, then builds the binary with `--profile dist` (fat LTO,
//! what a school installs) and times it as whole processes
//! (median of `--runs`, default 9; the full build `--full-runs`, default 3): `check`,
//! `build --only html` cold (no output folder: earlier outputs are moved aside and deleted when the
//! benchmark ends, see [`trash`]) and warm, the full build, `schedule` of the largest
//! notice, and edits under `tuxiang serve` (write → the page shows the edit, and the server's own
//! logged rebuild time). With `hugo` on the PATH it builds an equivalent Hugo site in the same run
//! and prints the ratio of notices per second. Peak RSS comes from `/usr/bin/time -f %M`, the
//! server's from its VmHWM. Every command must succeed, or the benchmark stops with its output.
//! Run it on a quiet disk: files deleted in the minutes before (the test suite, an earlier run)
//! slow the first builds down, see [`trash`]; a run started within ten minutes of the previous
//! one's cleanup waits out the rest, and before timing each size it waits while creating a file in
//! the site folder costs more than on a quiet disk ([`quiet_disk`]; `--no-wait` skips both waits).
//! The cost it measured last is printed with the results.

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

type Res<T> = Result<T, String>;

/// A small deterministic generator (xorshift), so every run builds the same sites.
struct Rng(u64);
impl Rng {
    /// A number in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        lo + self.0 % (hi - lo + 1)
    }
}

const COLLEGES: &str = "文学院 历史文化学院 外国语学院 新闻与传播学院 法学院 马克思主义学院 教育科学学院 体育学院 数学与统计学院 \
    物理与电子科学学院 化学化工学院 生命科学学院 地理科学学院 计算机科学与工程学院 信息与电气工程学院 机电工程学院 土木工程学院 \
    材料科学与工程学院 资源环境与安全工程学院 建筑与设计学院 商学院 经济学院 公共管理学院 音乐学院 美术学院 医学院 护理学院 药学院 \
    农学院 国际教育学院";
const MAJORS: &str = "汉语言文学 英语 法学 数学 物理 化学 生物 地理 计算机 软件工程 电气 机械 土木 材料 会计 金融 音乐 美术 临床 护理";
/// Paragraphs in the style of the real notices, drawn at random to fill a 1–2 KB body.
const PARAGRAPHS: &[&str] = &[
    "根据教育部有关文件要求，为加强高等教育学历证书管理，保护高等教育机构和毕业生的利益，维护国家学历制度的严肃性，毕业生的相片和已经注册的学历证书一同上网供社会查询。",
    "请各学院确定一位负责人到拍摄现场，协助做好本院学生图像采集的组织与协调工作，以防现场拥堵，确保拍摄工作井然有序。",
    "因故未能按时参加采集的同学，须在补拍期间自行前往指定地点补拍，逾期未采集者将影响学历证书的电子注册。",
    "采集当天请携带本人身份证或学生证，现场工作人员核对身份后方可拍摄；他人不得代为采集。",
    "对照片有异议的同学，请在校对期间登录学信网核对本人图像信息，发现问题及时联系学院教学秘书。",
    "各学院要高度重视此项工作，提前将本通知传达到每一位毕业生，并于采集前一周将缴费名单报送教务处学籍科。",
];

fn body(rng: &mut Rng, fee: u32, date: &str) -> String {
    let mut b = String::from("## 采集说明\n\n毕业生图像采集是学历证书电子注册的重要环节，采集的照片将用于毕业证书、学位证书及学信网电子注册。请同学们认真对待，按时参加。\n\n");
    let _ = writeln!(b, "采集费用为每人{fee}元，由学院统一收取。采集日期为{date}，请按时间表到场。\n");
    b.push_str("## 采集码\n\n1. 登录学信网 APP，点击“学籍查询”，查看学籍学历信息；\n2. 选择学籍，查看对应采集码，并**保存到手机相册**；\n3. 也可关注“学信网”微信公众号，绑定账号后获取。\n\n");
    b.push_str("## 现场要求\n\n- 坐姿端正，表情自然，双眼平视，耳朵对称，两手自然下垂；\n- 不戴有色眼镜，不佩戴耳环、项链等饰品；\n- 头发不得遮挡眉毛、眼睛和耳朵；\n- 以班级为单位，提前十五分钟在指定地点按学号顺序排队。\n\n## 其他事项\n\n");
    // 1–2 KB: stop before a paragraph would pass 2 KB, once past the drawn target.
    let target = rng.range(1100, 1850) as usize;
    while b.len() < target {
        let p = PARAGRAPHS[rng.range(0, PARAGRAPHS.len() as u64 - 1) as usize];
        if b.len() + p.len() + 2 > 2000 {
            break;
        }
        let _ = write!(b, "{p}\n\n");
    }
    b
}

const SECONDS_PER_STUDENT: usize = 20;
const CHANGEOVER_MINUTES: usize = 1;
/// Two sessions of 3.5 h a day (the front matter below).
const DAY_SECONDS: usize = 7 * 3600;
/// The sentence edited under `serve`.
const EDITED: &str = "请同学们认真对待，按时参加。";

/// One generated notice: what picks the largest one.
struct Gen {
    classes: usize,
    students: usize,
}

/// Days of capture the notice needs: every student's seconds plus a changeover before each class
/// (a class or college switch on a station), spread over all stations, with a quarter more for
/// the time lost at the end of each session. Never fewer than `drawn`.
fn days_needed(students: usize, classes: usize, stations: usize, drawn: usize) -> usize {
    let work = students * SECONDS_PER_STUDENT + classes * CHANGEOVER_MINUTES * 60;
    drawn.max((work * 5 / 4).div_ceil(stations * DAY_SECONDS))
}

/// Writes one notice with its roster.
fn notice(dir: &Path, i: usize, rng: &mut Rng) -> Res<Gen> {
    let (colleges_all, majors): (Vec<&str>, Vec<&str>) = (COLLEGES.split_whitespace().collect(), MAJORS.split(' ').collect());
    let year = 2026 + (i % 3) as i32;
    let colleges = rng.range(8, 30) as usize;
    let classes = rng.range(30.max(colleges as u64), 100) as usize;
    let (rooms, drawn_days) = (rng.range(1, 5) as usize, rng.range(1, 3) as usize);
    let fee = 15;
    let mut roster = String::from("college,class,headcount\n");
    let start = rng.range(0, colleges as u64) as usize;
    let mut students = 0;
    for c in 0..classes {
        let col = colleges_all[(start + c % colleges) % colleges_all.len()];
        let major = majors[(c * 7 + i) % majors.len()];
        let h = rng.range(25, 45) as usize;
        students += h;
        let _ = writeln!(roster, "{col},{major}{}{:02},{h}", year % 100 - 4, c + 1);
    }
    let (mut stations, mut room_yaml) = (0, String::new());
    for r in 0..rooms {
        let st = rng.range(1, 3) as usize;
        stations += st;
        let _ = writeln!(room_yaml, "    - {{ id: r{r}, name: 第{}教学楼{}室, stations: {st} }}", r + 1, 100 + r);
    }
    let mut day_yaml = String::new();
    for d in 0..days_needed(students, classes, stations, drawn_days) {
        let _ = writeln!(day_yaml, "    - {{ date: {}-04-{:02}, sessions: [\"08:00-11:30\", \"14:00-17:30\"] }}", year - 1, 10 + d);
    }
    let text = format!(
        "---\ntitle: 关于做好{year}届毕业生图像信息采集工作的通知（{i}）\nschool: 示例大学{i}\noffice: 教务处\nissued: {py}-03-20\ncohort: {year}\naudience: {year}届全体本科毕业生\nfee:\n  amount: {fee}\n  payer: college\n  method: 以学院为单位统一转账\n  deadline: {py}-04-01\ncapture:\n  seconds_per_student: {SECONDS_PER_STUDENT}\n  changeover_minutes: {CHANGEOVER_MINUTES}\n  days:\n{day_yaml}  rooms:\n{room_yaml}  groups: rosters/n{i}.csv\n  timetable: auto\ncode:\n  lead_days: 3\nproofreading:\n  from: {py}-06-01\n  until: {py}-06-30\ndress:\n  - 穿单色有领衣服\n  - 背景为蓝色：禁穿蓝、黄、绿、紫色上衣\ncontacts:\n  - name: 教务处学籍科\n    phone: 0731-88888888\n---\n{}",
        body(rng, fee, &format!("{}年4月10日", year - 1)),
        py = year - 1
    );
    write(&dir.join(format!("n{i}.md")), &text)?;
    write(&dir.join(format!("rosters/n{i}.csv")), &roster)?;
    Ok(Gen { classes, students })
}

fn write(path: &Path, text: &str) -> Res<()> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Where outputs and sites of earlier runs go instead of being deleted, until the benchmark ends.
///
/// On ext4 without a journal (this machine's disk), allocating an inode skips every inode of its
/// group freed in the last minute (five when the inode table is not yet written back): creating
/// files right after deleting thousands costs each new file a scan of the deleted ones, so a build
/// timed just after `rm -rf public` measures that deletion, growing with its square. A first build
/// (a fresh CI checkout) does not pay it, so the benchmark moves old trees aside, alike for tuxiang
/// and Hugo, and deletes them all once every figure is taken.
fn trash() -> PathBuf {
    std::env::temp_dir().join(format!("tuxiang-bench-trash-{}", std::process::id()))
}

/// Moves `path` (if present) into the trash.
fn discard(path: &Path) {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    if path.exists() {
        let bin = trash();
        let _ = std::fs::create_dir_all(&bin);
        let k = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if std::fs::rename(path, bin.join(k.to_string())).is_err() {
            let _ = std::fs::remove_dir_all(path);
        }
    }
}

/// Deletes the trash of this run and any left by interrupted runs, and notes when.
fn empty_trash() {
    let tmp = std::env::temp_dir();
    for e in std::fs::read_dir(&tmp).into_iter().flatten().flatten() {
        if e.file_name().to_string_lossy().starts_with("tuxiang-bench-trash-") {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
    let _ = std::fs::write(cleaned_mark(), b"");
}

/// Touched when a run has deleted its trash.
fn cleaned_mark() -> PathBuf {
    std::env::temp_dir().join("tuxiang-bench-cleaned")
}

/// How long the disk stays slow after a run deletes its outputs (~250,000 files at 150 + 300 + 600
/// notices): ext4 without a journal rescans the inodes it freed for up to five minutes, and on this
/// VM first builds stayed two to three times slower for another two or three (2026-12-01: the first
/// builds of 150 and 300 notices started six minutes after a cleanup took 108 and 187 ms, against
/// 45 and 82 ms in a run after a small deletion; those of 600, eight minutes after, were normal).
const SETTLE: Duration = Duration::from_secs(600);

/// Waits until the previous run's deletions are older than [`SETTLE`], so that a run's first builds
/// do not pay for the last run's cleanup (tuxiang's more than Hugo's: it creates five times the
/// files). Other work on the disk still moves the first-build figures: see the README.
fn settle() {
    let age = std::fs::metadata(cleaned_mark()).and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok());
    if let Some(wait) = age.and_then(|a| SETTLE.checked_sub(a)) {
        eprintln!(
            "waiting {} s for the disk: the previous run deleted its outputs {} s ago, and first builds stay slow for about ten minutes after (--no-wait skips this)",
            wait.as_secs(),
            (SETTLE - wait).as_secs()
        );
        std::thread::sleep(wait);
    }
}

/// Creating a file where a site's builds create theirs, in microseconds: 1,000 empty files in a new
/// folder inside the site folder (moved to the trash after, so the name is free again).
fn file_cost(root: &Path) -> Res<f64> {
    let dir = root.join("probe");
    std::fs::create_dir(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let t = Instant::now();
    for i in 0..1000 {
        std::fs::File::create(dir.join(i.to_string())).map_err(|e| format!("cannot create a file in {}: {e}", dir.display()))?;
    }
    let us = t.elapsed().as_secs_f64() * 1000.0;
    discard(&dir);
    Ok(us)
}

/// A file that takes longer than this (µs) to create means the disk is still rescanning inodes freed
/// nearby: on this VM a quiet disk takes 10–25 µs, and 100–180 µs for minutes after a large deletion.
const QUIET_US: f64 = 50.0;

/// Waits (30 s at a time, ten minutes at most) until creating files in the site folder costs what it
/// does on a quiet disk: files deleted nearby in the minutes before (the test suite, a cargo build,
/// another run's cleanup) slow every file a first build creates, tuxiang's six a notice more than
/// Hugo's two. Returns the last probe's cost.
fn quiet_disk(root: &Path, n: usize, wait: bool) -> Res<f64> {
    let mut us = file_cost(root)?;
    let start = Instant::now();
    while wait && us > QUIET_US && start.elapsed() < Duration::from_secs(600) {
        eprintln!("[{n}] creating a file takes {us:.0} µs (quiet: < {QUIET_US:.0}): files were deleted nearby not long ago; waiting 30 s (--no-wait skips this)");
        std::thread::sleep(Duration::from_secs(30));
        us = file_cost(root)?;
    }
    Ok(us)
}

fn generate(root: &Path, n: usize) -> Res<Vec<Gen>> {
    discard(root);
    let dir = root.join("content/p");
    std::fs::create_dir_all(dir.join("rosters")).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    write(&root.join("site.toml"), "title = \"全省毕业生图像信息采集\"\nbase_url = \"https://example.edu.cn/tuxiang\"\n")?;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    (0..n).map(|i| notice(&dir, i, &mut rng)).collect()
}

/// One measurement: its median seconds and the largest peak RSS (MB) over its runs.
#[derive(Clone, Copy)]
struct Stat {
    name: &'static str,
    secs: f64,
    rss: f64,
}

/// Runs a command to completion under `/usr/bin/time`: (seconds, peak RSS in MB), or its output.
fn timed(cmd: &Command) -> Res<(f64, f64)> {
    let t = Instant::now();
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(cmd.get_program())
        .args(cmd.get_args())
        .current_dir(cmd.get_current_dir().unwrap_or(Path::new(".")))
        .output()
        .map_err(|e| format!("cannot run /usr/bin/time (apt-get install time): {e}"))?;
    let secs = t.elapsed().as_secs_f64();
    let err = String::from_utf8_lossy(&out.stderr);
    let (rest, last) = err.trim_end().rsplit_once('\n').unwrap_or(("", err.trim_end()));
    if !out.status.success() {
        return Err(format!("{cmd:?} failed ({}):\n{}{rest}", out.status, String::from_utf8_lossy(&out.stdout)));
    }
    let kb: f64 = last.trim().parse().map_err(|_| format!("no RSS figure from /usr/bin/time for {cmd:?}: {err}"))?;
    Ok((secs, kb / 1024.0))
}

/// Runs `before` (untimed) then the command, `runs` times.
fn median(name: &'static str, runs: usize, before: impl FnMut(), cmd: &Command) -> Res<Stat> {
    let [stat] = medians(runs, [Job { name, before: Box::new(before), cmd }])?;
    Ok(stat)
}

/// A command to time, and what to do (untimed) before each run of it.
struct Job<'a> {
    name: &'static str,
    before: Box<dyn FnMut() + 'a>,
    cmd: &'a Command,
}

/// Runs every job once per round, in turn, `runs` rounds: tuxiang and Hugo measured alternately
/// see the same disk and machine (a disk still busy with earlier deletions, a noisy neighbour)
/// instead of one tool taking all the early runs.
fn medians<const N: usize>(runs: usize, mut jobs: [Job<'_>; N]) -> Res<[Stat; N]> {
    let mut secs = vec![Vec::with_capacity(runs); N];
    let mut rss = [0.0_f64; N];
    for _ in 0..runs {
        for (k, job) in jobs.iter_mut().enumerate() {
            (job.before)();
            // Untimed: flush what earlier runs (or `before`) wrote and deleted, so a run does not
            // pay for the disk work of the one before it (on a disk mounted with `discard`,
            // deleting a large output keeps the disk busy for seconds). Done alike for both tools.
            let _ = Command::new("sync").status();
            let (s, r) = timed(job.cmd)?;
            secs[k].push(s);
            rss[k] = rss[k].max(r);
        }
    }
    let stats: Vec<Stat> =
        jobs.iter().zip(secs).zip(rss).map(|((job, secs), rss)| Stat { name: job.name, secs: median_of(secs), rss }).collect();
    stats.try_into().map_err(|_| "internal: one figure a job".to_string())
}

fn median_of(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Files, and HTML pages among them, under an output folder.
fn count(dir: &Path) -> (usize, usize) {
    let (mut files, mut pages, mut stack) = (0, 0, vec![dir.to_path_buf()]);
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(e.path());
            } else {
                files += 1;
                pages += usize::from(e.path().extension().is_some_and(|x| x == "html"));
            }
        }
    }
    (files, pages)
}

/// Writes the equivalent Hugo site: the same front matter and body, plus the timetable (read from
/// tuxiang's `timetable.json`) as front matter that a minimal template renders as a table.
fn hugo_site(root: &Path, hroot: &Path) -> Res<usize> {
    discard(hroot);
    std::fs::create_dir_all(hroot.join("layouts/_default")).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(hroot.join("content/p")).map_err(|e| e.to_string())?;
    write(
        &hroot.join("hugo.toml"),
        "baseURL = 'https://example.edu.cn/'\ntitle = 'bench'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap']\n",
    )?;
    write(&hroot.join("layouts/_default/single.html"), "<!DOCTYPE html><html lang=\"zh-CN\"><title>{{ .Title }}</title><h1>{{ .Title }}</h1><table><tr><th>日期</th><th>时间</th><th>地点</th><th>学院</th><th>人数</th></tr>{{ range .Params.slots }}<tr><td>{{ .date }}</td><td>{{ .start }}-{{ .end }}</td><td>{{ .room }}</td><td>{{ .college }}</td><td>{{ .headcount }}</td></tr>{{ end }}</table>{{ .Content }}</html>")?;
    let list = "<ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>";
    write(&hroot.join("layouts/_default/list.html"), list)?;
    write(&hroot.join("layouts/index.html"), &list.replace(".Pages", ".Site.RegularPages"))?;
    let mut pages = 0;
    for e in std::fs::read_dir(root.join("content/p")).map_err(|e| e.to_string())?.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".md") else { continue };
        let json_path = root.join(format!("public/p/{stem}/timetable.json"));
        let json = std::fs::read_to_string(&json_path).map_err(|e| format!("cannot read {}: {e}", json_path.display()))?;
        let md = std::fs::read_to_string(e.path()).map_err(|e| e.to_string())?;
        let (front, body) = md.trim_start_matches("---\n").split_once("\n---\n").ok_or(format!("{name}: no front matter"))?;
        let v: serde_json::Value = serde_json::from_str(&json).map_err(|e| format!("{}: {e}", json_path.display()))?;
        let mut slots = String::from("slots:\n");
        for s in v["slots"].as_array().into_iter().flatten() {
            let f = |k: &str| s[k].as_str().unwrap_or("").to_string();
            let (date, start, end, room, college) = (f("date"), f("start"), f("end"), f("room"), f("college"));
            let _ = writeln!(
                slots,
                "  - {{ date: \"{date}\", start: \"{start}\", end: \"{end}\", room: \"{room}\", college: \"{college}\", headcount: {} }}",
                s["headcount"]
            );
        }
        let front = front.replace("groups: rosters/", "groups: ");
        write(&hroot.join(format!("content/p/{name}")), &format!("---\n{front}\n{slots}---\n{body}"))?;
        pages += 1;
    }
    Ok(pages)
}

/// The equivalent Hugo site for the site at `root` (its timetables from tuxiang's last build):
/// its folder and its number of notice pages.
fn prepare_hugo(root: &Path, n: usize) -> Res<(PathBuf, usize)> {
    let hroot = std::env::temp_dir().join(format!("tuxiang-bench-hugo-{n}"));
    let pages = hugo_site(root, &hroot)?;
    Ok((hroot, pages))
}

/// The `serve` process; killed when dropped (also when a measurement fails).
struct Server(Child);
impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `serve --port 0`; returns it, its address and its output lines (stdout and stderr).
fn start_server(bin: &Path, root: &Path) -> Res<(Server, String, Receiver<String>)> {
    let mut cmd = Command::new(bin);
    cmd.arg("--root").arg(root).args(["serve", "--port", "0"]).stdout(Stdio::piped()).stderr(Stdio::piped());
    let child = cmd.spawn().map_err(|e| format!("cannot start serve: {e}"))?;
    let mut server = Server(child);
    let (tx, rx) = channel();
    let out: Box<dyn Read + Send> = Box::new(server.0.stdout.take().ok_or("no stdout")?);
    let err: Box<dyn Read + Send> = Box::new(server.0.stderr.take().ok_or("no stderr")?);
    for pipe in [out, err] {
        let tx = tx.clone();
        std::thread::spawn(move || BufReader::new(pipe).lines().map_while(Result::ok).try_for_each(|l| tx.send(l)));
    }
    let mut log = String::new();
    loop {
        let line = rx.recv_timeout(Duration::from_secs(300)).map_err(|_| format!("serve printed no address:\n{log}"))?;
        if let Some(url) = line.split_whitespace().find_map(|w| w.split("http://").nth(1)) {
            let addr = url.split(['/', ' ', '（']).next().unwrap_or("").to_string();
            return Ok((server, addr, rx));
        }
        log.push_str(&line);
        log.push('\n');
    }
}

/// A plain HTTP/1.0 GET: the status line's code and the body.
fn get(addr: &str, path: &str) -> Res<(u16, Vec<u8>)> {
    let mut s = TcpStream::connect(addr).map_err(|e| format!("connect {addr}: {e}"))?;
    let _ = s.set_read_timeout(Some(Duration::from_secs(10)));
    write!(s, "GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").map_err(|e| e.to_string())?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).map_err(|e| format!("GET {path}: {e}"))?;
    let head_end = buf.windows(4).position(|w| w == b"\r\n\r\n").ok_or(format!("GET {path}: no HTTP head"))?;
    let code = String::from_utf8_lossy(&buf[..head_end]).split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    Ok((code, buf.split_off(head_end + 4)))
}

/// The rebuild time in a `已重新生成 …（N ms）` line; an error when the server reports errors.
fn logged_ms(line: &str) -> Option<Res<f64>> {
    let rest = line.strip_prefix("已重新生成")?;
    let ms = rest.rsplit_once('（')?.1.split(" ms").next()?.parse::<f64>().ok()?;
    Some(if rest.contains("错误") || rest.contains("无法") { Err(format!("serve: {line}")) } else { Ok(ms) })
}

/// Times edits under `serve`: write → the page at `/<slug>/` shows the edit, and the logged rebuild.
/// Returns the start (until the address is printed, with the server's peak RSS) and the medians.
fn measure_serve(bin: &Path, root: &Path, rel: &str, runs: usize) -> Res<[Stat; 3]> {
    let t0 = Instant::now();
    let (server, addr, rx) = start_server(bin, root)?;
    let start = t0.elapsed().as_secs_f64();
    let path = root.join(rel);
    let page = format!("/{}/", rel.trim_start_matches("content/").trim_end_matches(".md"));
    let original = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (code, _) = get(&addr, &page)?;
    if code != 200 || !original.contains(EDITED) {
        return Err(format!("serve: GET {page} answered {code} before any edit (or the notice lacks the edited sentence)"));
    }
    let (mut e2e, mut logged) = (Vec::new(), Vec::new());
    for k in 0..runs {
        let marker = format!("请同学们按时参加（第{k}次修改，标记{}）。", std::process::id());
        while rx.try_recv().is_ok() {}
        write(&path, &original.replacen(EDITED, &marker, 1))?;
        let t = Instant::now();
        while !get(&addr, &page)?.1.windows(marker.len()).any(|w| w == marker.as_bytes()) {
            if t.elapsed() > Duration::from_secs(30) {
                return Err(format!("serve: {page} did not show the edit within 30 s"));
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        e2e.push(t.elapsed().as_secs_f64());
        loop {
            let line = rx.recv_timeout(Duration::from_secs(10)).map_err(|_| "serve logged no rebuild".to_string())?;
            if let Some(ms) = logged_ms(&line) {
                logged.push(ms? / 1000.0);
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    write(&path, &original)?;
    let rss = vm_hwm_mb(server.0.id());
    drop(server);
    Ok([
        Stat { name: "serve start", secs: start, rss },
        Stat { name: "serve edit→page", secs: median_of(e2e), rss: f64::NAN },
        Stat { name: "serve rebuild (log)", secs: median_of(logged), rss: f64::NAN },
    ])
}

/// The peak resident set of a live process (Linux), in MB; 0 when unknown.
fn vm_hwm_mb(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let kb = status.lines().find_map(|l| l.strip_prefix("VmHWM:")).and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok());
    kb.unwrap_or(0.0) / 1024.0
}

/// Everything measured for one corpus size.
struct Row {
    n: usize,
    largest: String,
    m: Vec<Stat>,
    files: Vec<(&'static str, (usize, usize))>,
    hugo_pages: Option<usize>,
    /// What creating a file cost just before the first builds were timed ([`quiet_disk`]), µs.
    file_us: f64,
}

struct Opts {
    sizes: Vec<usize>,
    runs: usize,
    full_runs: usize,
    bin: PathBuf,
    hugo: bool,
    /// `--generate-only`: write and check the sites, measure nothing.
    generate_only: bool,
    /// Not `--no-wait`: wait for a quiet disk ([`settle`], [`quiet_disk`]).
    wait: bool,
}

/// Generates the site of `n` notices and checks it once (a failing site measures nothing).
fn prepare(o: &Opts, n: usize) -> Res<(PathBuf, Vec<Gen>)> {
    let root = std::env::temp_dir().join(format!("tuxiang-bench-{n}"));
    eprintln!("[{n}] generating {}…", root.display());
    let gens = generate(&root, n)?;
    let check = Command::new(&o.bin).arg("--root").arg(&root).arg("check").output().map_err(|e| format!("cannot run tuxiang: {e}"))?;
    if !check.status.success() {
        let out = format!("{}{}", String::from_utf8_lossy(&check.stdout), String::from_utf8_lossy(&check.stderr));
        return Err(format!("the generated site fails `tuxiang check` ({}); fix the generator:\n{out}", check.status));
    }
    Ok((root, gens))
}

fn measure(o: &Opts, n: usize) -> Res<Row> {
    let (root, gens) = prepare(o, n)?;
    let tux = |args: &[&str]| {
        let mut c = Command::new(&o.bin);
        c.arg("--root").arg(&root).args(args).current_dir(&root);
        c
    };
    let (idx, g) = gens.iter().enumerate().max_by_key(|(_, g)| (g.students, g.classes)).ok_or("no notices")?;
    let largest = format!("n{idx} ({} classes, {} students)", g.classes, g.students);
    let file_us = quiet_disk(&root, n, o.wait)?;
    eprintln!("[{n}] check, html{}… (creating a file: {file_us:.0} µs)", if o.hugo { ", hugo" } else { "" });
    let mut m = vec![median("check", o.runs, || {}, &tux(&["check"]))?];
    let html = tux(&["build", "--only", "html"]);
    let tux_public = root.join("public");
    let discard_tux = || discard(&tux_public);
    let hugo = if o.hugo {
        // Untimed: the Hugo site takes its timetables from this build's timetable.json.
        timed(&tux(&["build", "--only", "html,json"]))?;
        let (hroot, pages) = prepare_hugo(&root, n)?;
        let mut cmd = Command::new("hugo");
        cmd.arg("--quiet").arg("--source").arg(&hroot);
        Some((hroot, pages, cmd))
    } else {
        None
    };
    let (cold, warm, hugo_stats) = match &hugo {
        Some((hroot, _, cmd)) => {
            let discard_hugo = || {
                discard(&hroot.join("public"));
                discard(&hroot.join("resources"));
            };
            let cold = medians(
                o.runs,
                [
                    Job { name: "html cold", before: Box::new(discard_tux), cmd: &html },
                    Job { name: "hugo cold", before: Box::new(discard_hugo), cmd },
                ],
            )?;
            let warm = medians(
                o.runs,
                [Job { name: "html warm", before: Box::new(|| {}), cmd: &html }, Job { name: "hugo warm", before: Box::new(|| {}), cmd }],
            )?;
            (cold[0], warm[0], vec![cold[1], warm[1]])
        }
        None => (median("html cold", o.runs, discard_tux, &html)?, median("html warm", o.runs, || {}, &html)?, Vec::new()),
    };
    m.push(cold);
    let mut files = vec![("tuxiang html-only", count(&tux_public))];
    m.push(warm);
    eprintln!("[{n}] full build, schedule…");
    m.push(median("full build", o.full_runs, || {}, &tux(&["build"]))?);
    files.push(("tuxiang full build", count(&tux_public)));
    m.push(median("schedule largest", o.runs, || {}, &tux(&["schedule", &format!("content/p/n{idx}.md"), "--format", "json"]))?);
    let mut hugo_pages = None;
    if let Some((hroot, pages, _)) = &hugo {
        m.extend(hugo_stats);
        files.push(("hugo", count(&hroot.join("public"))));
        hugo_pages = Some(*pages);
    }
    eprintln!("[{n}] serve…");
    m.extend(measure_serve(&o.bin, &root, &format!("content/p/n{}.md", 1.min(n - 1)), o.runs)?);
    Ok(Row { n, largest, m, files, hugo_pages, file_us })
}

/// Prints one table: a line per label, a column per corpus size, then the ratio of each size to
/// the previous one (the scaling when the corpus doubles).
fn grid(rows: &[Row], title: &str, lines: &[(String, Vec<f64>)], prec: usize) {
    let mut head = format!("\n{title:<24}");
    for r in rows {
        let _ = write!(head, " {:>9}", r.n);
    }
    for w in rows.windows(2) {
        let _ = write!(head, " {:>9}", format!("×{}/{}", w[1].n, w[0].n));
    }
    println!("{head}");
    for (label, v) in lines {
        let mut line = format!("{label:<24}");
        for x in v {
            let _ = if x.is_finite() { write!(line, " {x:>9.prec$}") } else { write!(line, " {:>9}", "-") };
        }
        for w in v.windows(2) {
            let q = w[1] / w[0];
            let _ = if q.is_finite() { write!(line, " {q:>9.2}") } else { write!(line, " {:>9}", "-") };
        }
        println!("{line}");
    }
}

fn print_all(rows: &[Row]) {
    let Some(first) = rows.first() else { return };
    let stat = |r: &Row, name: &str| r.m.iter().find(|s| s.name == name).copied();
    let metric = |f: &dyn Fn(&Stat) -> f64| -> Vec<(String, Vec<f64>)> {
        let col = |name| rows.iter().map(|r| stat(r, name).map_or(f64::NAN, |s| f(&s))).collect();
        let lines = first.m.iter().map(|s| (s.name.to_string(), col(s.name)));
        lines.filter(|(_, v): &(String, Vec<f64>)| v.iter().any(|x| x.is_finite())).collect()
    };
    grid(rows, "time, median (ms)", &metric(&|s| s.secs * 1000.0), 0);
    grid(rows, "peak RSS (MB)", &metric(&|s| s.rss), 1);
    let mut files = Vec::new();
    for (k, (label, _)) in first.files.iter().enumerate() {
        let col = |f: fn((usize, usize)) -> usize| rows.iter().map(|r| r.files.get(k).map_or(f64::NAN, |x| f(x.1) as f64)).collect();
        files.extend([(format!("{label} files"), col(|x| x.0)), (format!("{label} pages"), col(|x| x.1))]);
    }
    grid(rows, "output written", &files, 0);
    grid(rows, "disk before timing", &[("creating a file (µs)".to_string(), rows.iter().map(|r| r.file_us).collect())], 0);
    if first.hugo_pages.is_some() {
        // Notices per second: tuxiang's notices over html-only time, Hugo's notice pages over its time.
        let rate = |name, hugo: bool| -> Vec<f64> {
            let per = |r: &Row| if hugo { r.hugo_pages.unwrap_or(0) as f64 } else { r.n as f64 };
            rows.iter().map(|r| stat(r, name).map_or(f64::NAN, |s| per(r) / s.secs)).collect()
        };
        let ratio = |t, h| rate(t, false).iter().zip(rate(h, true)).map(|(x, y)| x / y).collect();
        let mut lines = vec![("ratio warm (tux/hugo)".into(), ratio("html warm", "hugo warm"))];
        lines.push(("ratio cold (tux/hugo)".into(), ratio("html cold", "hugo cold")));
        for (name, hugo) in [("html warm", false), ("hugo warm", true), ("html cold", false), ("hugo cold", true)] {
            lines.push((if hugo { name.to_string() } else { format!("tuxiang {name}") }, rate(name, hugo)));
        }
        grid(rows, "notices per second", &lines, 2);
    }
    println!();
    for r in rows {
        println!("[{}] schedule largest = {}", r.n, r.largest);
    }
    println!("serve edit→page: from the write until a GET of the page shows the edit (includes the watcher's 30 ms quiet);");
    println!("serve rebuild (log): the server's own `已重新生成 …（N ms）`; serve start: until it prints its address (RSS: its VmHWM).");
    println!("html cold: no public/ (the previous one moved aside, untimed; deleted at the end); html warm: the previous output present.");
    println!("First builds are sensitive to files deleted on this disk in the last minutes (ext4 without a journal rescans them on");
    println!("every allocation): run the bench on a quiet disk, not right after the test suite or another bench run.");
}

/// The Cargo profile the timed binary is built with: `dist`, what a school installs.
const PROFILE: &str = "dist";

fn options() -> Res<Opts> {
    let (mut sizes, mut runs, mut full_runs, mut generate_only, mut wait) = (Vec::new(), 9, None, false, true);
    let mut args = std::env::args().skip(1);
    let count = |s: &str| s.parse::<usize>().ok().filter(|&v| v > 0);
    while let Some(a) = args.next() {
        let mut num = |what: &str| args.next().as_deref().and_then(count).ok_or(format!("{what} needs a number ≥ 1"));
        match a.as_str() {
            "--runs" => runs = num("--runs")?,
            "--full-runs" => full_runs = Some(num("--full-runs")?),
            "--generate-only" => generate_only = true,
            "--no-wait" => wait = false,
            "--bench" => {}
            s => sizes.push(count(s).ok_or(format!("unknown argument {s} (sizes, --runs N, --full-runs N, --generate-only, --no-wait)"))?),
        }
    }
    if sizes.is_empty() {
        sizes = vec![150, 300, 600];
    }
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    // The speed a school gets: the `dist` profile (fat LTO) that published binaries are built with.
    let status = Command::new("cargo").args(["build", "--profile", PROFILE, "--quiet"]).current_dir(&manifest).status();
    if !status.is_ok_and(|s| s.success()) {
        return Err(format!("cargo build --profile {PROFILE} failed"));
    }
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| manifest.join("target"), PathBuf::from);
    let hugo = Command::new("hugo").arg("version").output().ok().filter(|o| o.status.success());
    let hv =
        hugo.as_ref().map_or("hugo not installed (apt-get install hugo)".into(), |o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    let (cores, full_runs) = (std::thread::available_parallelism().map_or(1, |n| n.get()), full_runs.unwrap_or(runs.min(3)));
    println!("tuxiang province benchmark: {cores} cores; {hv}; {runs} runs a measurement, full build {full_runs}");
    if wait && !generate_only {
        settle();
    }
    Ok(Opts { sizes, runs, full_runs, bin: target.join(PROFILE).join("tuxiang"), hugo: hugo.is_some(), generate_only, wait })
}

fn main() {
    let run = || -> Res<Vec<Row>> {
        let o = options()?;
        if o.generate_only {
            return o.sizes.iter().try_for_each(|&n| prepare(&o, n).map(drop)).map(|()| Vec::new());
        }
        o.sizes.iter().map(|&n| measure(&o, n)).collect()
    };
    let result = run();
    eprintln!("deleting the outputs moved aside…");
    empty_trash();
    match result {
        Ok(rows) => print_all(&rows),
        Err(e) => {
            eprintln!("benchmark failed: {e}");
            std::process::exit(1);
        }
    }
}
