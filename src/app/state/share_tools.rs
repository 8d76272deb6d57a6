//! The share and review pages' operations: building the summary the
//! client chose from their record, making the link (with a passphrase if
//! they like), handing it over, the share log; and, on the link worker's
//! side, opening a protected summary. Pages call one of these per action;
//! the summary and its codecs are [`crate::share`]'s.

use super::client_code::CodeStore;
use super::diary::{use_diary, DiaryStore};
use super::saved::Saved;
use super::stores::{use_lazy, use_saved};
use crate::model::appointment::ApptBook;
use crate::model::diary::Month;
use crate::model::wellbeing::{TalkList, Wellbeing};
use crate::model::{GoalBook, Profile};
use crate::platform::share::{self as browser, Sent};
use crate::platform::{clock, crypto, file};
use crate::share::choices::{FormStart, ShareField, ShareForm};
use crate::share::link::{self, Locked, ShareError};
use crate::share::log::{ShareLog, Shared, Way};
use crate::share::summary::{record_start, Sources, Summary};
use crate::share::words;

/// A link once made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Made {
    /// The whole link, the summary after `#`.
    pub url: String,
    /// Protected with a passphrase.
    pub protected: bool,
}

/// What a summary is built from besides the diary and the profile.
struct Record {
    goals: GoalBook,
    wellbeing: Wellbeing,
    appointments: ApptBook,
    talk: TalkList,
}

/// The share page's operations, over the client's stores.
#[derive(Debug, Clone, Copy)]
pub struct ShareTools {
    profile: Saved<Profile>,
    goals: Saved<GoalBook>,
    diary: DiaryStore,
    wellbeing: Saved<Wellbeing>,
    appointments: Saved<ApptBook>,
    talk: Saved<TalkList>,
    code: CodeStore,
    /// The share log.
    pub log: Saved<ShareLog>,
}

impl ShareTools {
    /// The form as it starts today (see [`ShareForm::new`]): since the
    /// last share, never before the record began, with the goals being
    /// worked on or finished in that period and every measure in use.
    pub fn new_form(&self) -> ShareForm {
        let record = self.sources();
        let measures: Vec<String> = self.diary.measures().into_iter().map(|m| m.id).collect();
        ShareForm::new(FormStart {
            today: clock::today(),
            last_share: self.log.with_untracked(|l| l.and_then(ShareLog::last_day)),
            record_start: self.record_start(&record),
            goals: &record.goals,
            measures: &measures,
        })
    }

    /// The client's goals, check-ins, appointments and talk list as they
    /// are now.
    fn sources(&self) -> Record {
        Record {
            goals: self
                .goals
                .with_untracked(|g| g.cloned().unwrap_or_default()),
            wellbeing: self
                .wellbeing
                .with_untracked(|w| w.cloned().unwrap_or_default()),
            appointments: self
                .appointments
                .with_untracked(|a| a.cloned().unwrap_or_default()),
            talk: self.talk.with_untracked(|t| t.cloned().unwrap_or_default()),
        }
    }

    /// The first day of the client's record `r` (see [`record_start`]).
    fn record_start(&self, r: &Record) -> Option<chrono::NaiveDate> {
        self.diary.load_index();
        self.diary.with_index(|index| {
            record_start(
                &r.goals,
                index,
                &r.wellbeing,
                &r.talk,
                &r.appointments,
                clock::now(),
            )
        })
    }

    /// The day of the last share, if any (tracked).
    pub fn last_share(&self) -> Option<chrono::NaiveDate> {
        self.log.with(|l| l.and_then(ShareLog::last_day))
    }

    /// A suggested passphrase (empty if the browser cannot make one).
    pub fn suggest_passphrase(&self) -> String {
        crypto::suggest_passphrase().unwrap_or_default()
    }

    /// The summary `form` asks for, from the client's record now; or
    /// which field is wrong and a plain message. A summary the link
    /// worker's app would refuse is never made.
    pub fn preview(&self, form: &ShareForm) -> Result<Summary, (ShareField, String)> {
        let (from, to) = form.days(
            clock::today(),
            self.log.with_untracked(|l| l.and_then(ShareLog::last_day)),
        )?;
        // Only the diary months the period covers are read.
        let mut month = Month::of(from);
        while month <= Month::of(to) {
            self.diary.load_month(month);
            month = month.next();
        }
        let (name, conditions, what_matters): (_, Vec<String>, String) =
            self.profile.with_untracked(|p| {
                p.map(|p| {
                    (
                        p.preferred_name.clone(),
                        p.conditions.iter().map(|c| c.label().to_string()).collect(),
                        p.what_matters.clone(),
                    )
                })
                .unwrap_or_default()
            });
        let code = self.code.ensure();
        let measures = self.diary.all_measures();
        let Record {
            goals,
            wellbeing,
            appointments,
            talk,
        } = self.sources();
        let summary = self.diary.with_months(|months| {
            Summary::build(
                &form.choice,
                from,
                to,
                &Sources {
                    now: clock::now(),
                    name: name.as_deref(),
                    goals: &goals,
                    measures: &measures,
                    months,
                    wellbeing: &wellbeing,
                    appointments: &appointments,
                    talk: &talk,
                    code: code.as_deref(),
                    conditions: &conditions,
                    what_matters: Some(what_matters.as_str()),
                },
            )
        });
        // The link worker's app refuses what this app could not have made;
        // never let a summary out that would be refused there.
        if summary.check().is_err() {
            return Err((
                ShareField::Period,
                "This is too much to share at once. Choose a shorter period or fewer things".into(),
            ));
        }
        Ok(summary)
    }

    /// The link to `summary`, protected with `passphrase` if given (which
    /// must pass [`words::check`]): `Err` with a plain message otherwise,
    /// or if this browser cannot add a passphrase.
    pub async fn make_link(
        &self,
        summary: &Summary,
        passphrase: Option<&str>,
    ) -> Result<Made, (bool, String)> {
        let Some(passphrase) = passphrase else {
            return Ok(Made {
                url: format!("{}#{}", browser::review_url(), link::plain(summary)),
                protected: false,
            });
        };
        let passphrase = words::check(passphrase).map_err(|m| (true, m))?;
        let body = link::pack(summary);
        let sealed = crypto::seal_with_passphrase(&passphrase, &body)
            .await
            .map_err(|_| {
                (
                    false,
                    "This browser cannot add a passphrase. Share without one, or show the summary on this screen."
                        .to_string(),
                )
            })?;
        Ok(Made {
            url: format!(
                "{}#{}",
                browser::review_url(),
                link::sealed(&sealed.header, &sealed.ciphertext)
            ),
            protected: true,
        })
    }

    /// Notes in the share log that `summary` was shared `way`.
    pub fn record(&self, summary: &Summary, way: Way, protected: bool) {
        let _ = self.log.change(|l| {
            l.record(Shared {
                at: clock::now(),
                from: summary.from,
                to: summary.to,
                way,
                protected,
            });
            Ok::<(), ()>(())
        });
    }

    /// Shares the link (the share sheet, or the clipboard where there is
    /// none) and notes it; says what happened, if anything.
    pub async fn send_link(&self, summary: &Summary, made: &Made) -> Option<String> {
        match browser::send_link("Alongside summary", &made.url).await {
            Sent::Shared => {
                self.record(summary, Way::Link, made.protected);
                Some("The link was shared.".into())
            }
            Sent::Copied => {
                self.record(summary, Way::Link, made.protected);
                Some(
                    "The link was copied. Paste it into a message or email to your link worker."
                        .into(),
                )
            }
            Sent::Cancelled => None,
            Sent::Failed => Some(
                "The link could not be copied. Press and hold the link above to copy it.".into(),
            ),
        }
    }

    /// The QR code of the link, as SVG, noted as shown; or the plain
    /// reason it cannot be made.
    pub fn qr_code(&self, summary: &Summary, made: &Made) -> Result<String, String> {
        let svg = crate::share::qr::svg(&made.url).ok_or_else(|| {
            "This summary is too long for a QR code. Choose fewer things, or share the link or a file."
                .to_string()
        })?;
        self.record(summary, Way::Qr, made.protected);
        Ok(svg)
    }

    /// Saves the summary as a file for the link worker's Review page and
    /// notes it; says what happened, if anything.
    pub async fn save_file(&self, summary: &Summary, made: &Made) -> Option<String> {
        let payload = link::payload_text(&made.url).to_string();
        let text = link::file_text(&browser::review_url(), &payload);
        let name = format!(
            "alongside-summary-{}.txt",
            crate::model::time::iso_day(summary.to)
        );
        match file::hand_over(&name, &text, "text/plain").await {
            file::Handed::Shared | file::Handed::Downloaded => {
                self.record(summary, Way::File, made.protected);
                Some(format!(
                    "The summary was saved as the file {name}. Your link worker opens it on their Review page."
                ))
            }
            file::Handed::Cancelled => None,
            file::Handed::Failed => Some("The file could not be saved.".into()),
        }
    }

    /// Prints the summary (or saves it as a PDF) and notes it.
    pub fn print(&self, summary: &Summary) {
        self.record(summary, Way::Print, false);
        browser::print();
    }

    /// Clears the share log.
    pub fn clear_log(&self) {
        let _ = self.log.change(|l| {
            l.entries.clear();
            Ok::<(), ()>(())
        });
    }
}

/// The share page's operations, made the first time a page asks.
pub fn use_share_tools() -> ShareTools {
    use_lazy(
        |_| ShareTools {
            profile: use_saved(),
            goals: use_saved(),
            diary: use_diary(),
            wellbeing: use_saved(),
            appointments: use_saved(),
            talk: use_saved(),
            code: use_saved(),
            log: use_saved(),
        },
        // Its stores reload themselves.
        |_, _| false,
    )
}

/// Opens a protected summary with the passphrase the client gave; the
/// plain message if it does not open.
pub async fn unlock(locked: &Locked, passphrase: &str) -> Result<Summary, String> {
    match crypto::open_with_passphrase(passphrase, locked).await {
        Ok(body) => link::unpack(&body).map_err(|_| ShareError::Damaged.message().to_string()),
        Err(crypto::CryptoError::Unavailable) => Err(
            "This browser cannot open protected summaries. Try a different, up-to-date browser."
                .into(),
        ),
        Err(crypto::CryptoError::Refused) => Err(ShareError::WrongPassphrase.message().to_string()),
    }
}
