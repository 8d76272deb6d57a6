//! The stored format: a versioned envelope around every value, and the
//! migrations that bring old values up to date.
//!
//! This is a codec: pure functions over strings, no browser. The format is
//! documented in `docs/storage-format.md`; keep the two in step.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

mod diary;
mod goals;
mod profile;
mod share;

pub use diary::{ExampleIndex, ExampleMonth};
pub use goals::GOALS_SCHEMA;
pub use profile::{ProfileV1, PROFILE_SCHEMA};

/// Marks a stored value as ours, so a stray key from another app on the
/// same origin is never mistaken for the client's data.
pub const APP_TAG: &str = "alongside";

/// The largest stored value we will try to read, in bytes. Browsers cap
/// local storage at about 5 MB per site, so anything bigger is not ours
/// and decoding it would only waste the phone's memory.
pub const MAX_VALUE_BYTES: usize = 6 * 1024 * 1024;

/// A type that is saved in storage, with the schema version this build
/// writes and the steps that upgrade older versions.
///
/// Old versions are read into their own typed structs (such as
/// [`ProfileV1`]) and converted, rather than through an untyped JSON tree:
/// each old format stays documented as a type, and the app does not carry
/// a general JSON value model it otherwise has no use for.
pub trait Record: Serialize + DeserializeOwned {
    /// The record type named in the envelope, e.g. `"profile"`.
    const KIND: &'static str;
    /// The schema version this build writes.
    const SCHEMA: u32;
    /// The oldest schema version this build can still upgrade.
    const OLDEST: u32 = Self::SCHEMA;

    /// Reads a whole stored envelope whose data has the older schema
    /// `from` and returns the record in its current form. Only called for
    /// `OLDEST <= from < SCHEMA`. A pure function, tested with fixtures of
    /// every released version.
    fn upgrade(from: u32, raw: &str) -> Result<Self, String> {
        let _ = raw;
        Err(format!("there is no upgrade from version {from}"))
    }

    /// Checks a decoded record for what its types alone cannot rule out
    /// (a rating of 200, two goals with one id), so a damaged value is
    /// kept aside rather than shown wrong. The reason is plain English.
    fn check(&self) -> Result<(), String> {
        Ok(())
    }
}

/// The envelope every stored value is wrapped in, with its data of type `D`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope<D> {
    /// Always [`APP_TAG`].
    pub app: String,
    /// The record type, [`Record::KIND`].
    pub kind: String,
    /// The schema version of `data`.
    pub schema: u32,
    /// Counts the saves of this key, so a stale tab can tell that someone
    /// else saved since it last read.
    pub rev: u64,
    /// When this revision was saved (UTC, RFC 3339).
    pub saved_at: String,
    /// The record itself.
    pub data: D,
}

/// What [`peek`] can tell about a stored value. Unknown fields, `data`
/// among them, are skipped without being kept.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Header {
    /// [`Envelope::app`].
    pub app: String,
    /// [`Envelope::kind`].
    pub kind: String,
    /// [`Envelope::schema`].
    pub schema: u32,
    /// [`Envelope::rev`].
    pub rev: u64,
}

/// Why a stored value could not be read. Each says what is wrong in words
/// a client could read, because it is kept with the quarantined copy and
/// shown on the My data page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Bigger than any value we write.
    TooLarge { bytes: usize },
    /// Not valid JSON, or not our envelope.
    Damaged(String),
    /// Our envelope, but for another record type.
    WrongKind { found: String },
    /// Written by a newer version of the app than this one.
    Newer { schema: u32 },
    /// Older than any version this build can upgrade.
    TooOld { schema: u32 },
    /// An upgrade step failed.
    UpgradeFailed { from: u32, reason: String },
    /// The envelope was fine but the record inside was not.
    BadData(String),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::TooLarge { bytes } => {
                write!(f, "it is too large to be ours ({bytes} bytes)")
            }
            DecodeError::Damaged(why) => write!(f, "it is damaged ({why})"),
            DecodeError::WrongKind { found } => {
                write!(f, "it holds a different kind of record ({found})")
            }
            DecodeError::Newer { schema } => write!(
                f,
                "it was saved by a newer version of Alongside (format {schema})"
            ),
            DecodeError::TooOld { schema } => write!(
                f,
                "it was saved by a version of Alongside too old to read (format {schema})"
            ),
            DecodeError::UpgradeFailed { from, reason } => write!(
                f,
                "it could not be brought up to date from format {from} ({reason})"
            ),
            DecodeError::BadData(why) => write!(f, "some of it does not make sense ({why})"),
        }
    }
}

/// A record read from storage, with the facts the store needs about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded<T> {
    /// The record, upgraded to the current schema.
    pub value: T,
    /// The revision it was saved as.
    pub rev: u64,
    /// The schema it was stored in, if an upgrade was needed.
    pub upgraded_from: Option<u32>,
}

/// Reads only the envelope's header, skipping the data. Used before every
/// save to see whether another tab or a newer version wrote the key, and
/// first in [`decode`] to choose how to read the data.
pub fn peek(raw: &str) -> Result<Header, DecodeError> {
    if raw.len() > MAX_VALUE_BYTES {
        return Err(DecodeError::TooLarge { bytes: raw.len() });
    }
    let header: Header =
        serde_json::from_str(raw).map_err(|e| DecodeError::Damaged(json_reason(&e)))?;
    if header.app != APP_TAG {
        return Err(DecodeError::Damaged(
            "it is not marked as Alongside data".into(),
        ));
    }
    Ok(header)
}

/// Decodes a stored value of type `T`, upgrading it if it is old.
/// Never panics, whatever `raw` holds.
pub fn decode<T: Record>(raw: &str) -> Result<Decoded<T>, DecodeError> {
    let header = peek(raw)?;
    if header.kind != T::KIND {
        return Err(DecodeError::WrongKind { found: header.kind });
    }
    let schema = header.schema;
    if schema > T::SCHEMA {
        return Err(DecodeError::Newer { schema });
    }
    if schema < T::OLDEST {
        return Err(DecodeError::TooOld { schema });
    }
    let value = if schema == T::SCHEMA {
        serde_json::from_str::<Envelope<T>>(raw)
            .map_err(|e| DecodeError::BadData(json_reason(&e)))?
            .data
    } else {
        T::upgrade(schema, raw).map_err(|reason| DecodeError::UpgradeFailed {
            from: schema,
            reason,
        })?
    };
    value.check().map_err(DecodeError::BadData)?;
    Ok(Decoded {
        value,
        rev: header.rev,
        upgraded_from: (schema < T::SCHEMA).then_some(schema),
    })
}

/// Reads the data of a value saved by a newer version as if it were the
/// current schema, for read-only display. Newer schemas usually only add
/// fields, so this often works; when it does not, the caller shows nothing
/// rather than guessing.
pub fn decode_newer_leniently<T: Record>(raw: &str) -> Option<T> {
    if raw.len() > MAX_VALUE_BYTES {
        return None;
    }
    let envelope: Envelope<T> = serde_json::from_str(raw).ok()?;
    (envelope.app == APP_TAG && envelope.kind == T::KIND).then_some(envelope.data)
}

/// Wraps `value` in an envelope at revision `rev`, ready to store.
pub fn encode<T: Record>(value: &T, rev: u64, saved_at: DateTime<Utc>) -> String {
    encode_kind(T::KIND, T::SCHEMA, value, rev, saved_at)
}

/// Wraps any serialisable value in an envelope; for records that are not a
/// [`Record`] type, such as quarantine entries.
pub fn encode_kind<V: Serialize>(
    kind: &str,
    schema: u32,
    value: &V,
    rev: u64,
    saved_at: DateTime<Utc>,
) -> String {
    let out = Envelope {
        app: APP_TAG.to_string(),
        kind: kind.to_string(),
        schema,
        rev,
        saved_at: saved_at.to_rfc3339_opts(SecondsFormat::Millis, true),
        data: value,
    };
    // Serialising our own plain types to a String cannot fail: they have
    // string keys and no custom serialisers.
    serde_json::to_string(&out).unwrap_or_default()
}

/// Describes a JSON error without quoting the input, because the input is
/// health data and the reason may be shown or kept.
fn json_reason(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match e.classify() {
        Category::Eof => "it ends too early".into(),
        Category::Syntax => format!(
            "unexpected text at line {}, column {}",
            e.line(),
            e.column()
        ),
        // serde_json's own wording names fields and types, but pulling in
        // its message tables costs the phone more than it tells the client.
        Category::Data => format!(
            "a part is missing or of the wrong type, at line {}, column {}",
            e.line(),
            e.column()
        ),
        Category::Io => "it could not be read".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    use serde_json::Value;

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Note {
        text: String,
        #[serde(default)]
        pinned: bool,
    }

    /// Schema 2 of `Note`: the text was called `body`.
    #[derive(Deserialize)]
    struct NoteV2 {
        body: String,
    }

    impl Record for Note {
        const KIND: &'static str = "note";
        const SCHEMA: u32 = 3;
        const OLDEST: u32 = 2;
        fn upgrade(from: u32, raw: &str) -> Result<Self, String> {
            match from {
                2 => {
                    let old: Envelope<NoteV2> =
                        serde_json::from_str(raw).map_err(|_| "no body".to_string())?;
                    Ok(Note {
                        text: old.data.body,
                        pinned: false,
                    })
                }
                _ => Err(format!("no upgrade from {from}")),
            }
        }
    }

    fn at() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-21T10:30:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    fn envelope(kind: &str, schema: u32, data: Value) -> String {
        json!({"app": "alongside", "kind": kind, "schema": schema, "rev": 7,
               "saved_at": "2026-01-01T00:00:00.000Z", "data": data})
        .to_string()
    }

    #[test]
    fn round_trip_keeps_value_and_rev() {
        let note = Note {
            text: "hello".into(),
            pinned: true,
        };
        let raw = encode(&note, 4, at());
        assert_eq!(
            raw,
            r#"{"app":"alongside","kind":"note","schema":3,"rev":4,"saved_at":"2026-11-21T10:30:00.000Z","data":{"text":"hello","pinned":true}}"#
        );
        let decoded = decode::<Note>(&raw).unwrap();
        assert_eq!(decoded.value, note);
        assert_eq!(decoded.rev, 4);
        assert_eq!(decoded.upgraded_from, None);
        assert_eq!(peek(&raw).unwrap().rev, 4);
    }

    #[test]
    fn old_values_are_upgraded() {
        let raw = envelope("note", 2, json!({"body": "old"}));
        let decoded = decode::<Note>(&raw).unwrap();
        assert_eq!(decoded.value.text, "old");
        assert_eq!(decoded.upgraded_from, Some(2));
        assert_eq!(decoded.rev, 7);
    }

    #[test]
    fn each_kind_of_bad_value_is_named() {
        let cases: Vec<(String, DecodeError)> = vec![
            ("{not json".into(), DecodeError::Damaged("unexpected text at line 1, column 2".into())),
            ("".into(), DecodeError::Damaged("it ends too early".into())),
            (
                json!({"app": "other", "kind": "note", "schema": 3, "rev": 1, "saved_at": "", "data": {}}).to_string(),
                DecodeError::Damaged("it is not marked as Alongside data".into()),
            ),
            (envelope("goal", 3, json!({})), DecodeError::WrongKind { found: "goal".into() }),
            (envelope("note", 4, json!({"text": "x"})), DecodeError::Newer { schema: 4 }),
            (envelope("note", 1, json!({})), DecodeError::TooOld { schema: 1 }),
            (
                envelope("note", 2, json!({"nobody": 1})),
                DecodeError::UpgradeFailed { from: 2, reason: "no body".into() },
            ),
            (
                envelope("note", 3, json!({"text": 5})),
                DecodeError::BadData(
                    "a part is missing or of the wrong type, at line 1, column 35".into(),
                ),
            ),
        ];
        for (raw, want) in cases {
            assert_eq!(decode::<Note>(&raw).unwrap_err(), want, "for {raw}");
        }
    }

    #[test]
    fn error_text_never_quotes_the_stored_value() {
        let raw = envelope("note", 3, json!({"text": ["my secret diagnosis"]}));
        let err = decode::<Note>(&raw).unwrap_err().to_string();
        assert!(!err.contains("secret"), "{err}");
    }

    #[test]
    fn huge_and_deeply_nested_values_are_refused_without_panicking() {
        let big = "x".repeat(MAX_VALUE_BYTES + 1);
        assert!(matches!(
            decode::<Note>(&big),
            Err(DecodeError::TooLarge { .. })
        ));
        assert!(matches!(peek(&big), Err(DecodeError::TooLarge { .. })));
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(matches!(
            decode::<Note>(&deep),
            Err(DecodeError::Damaged(_))
        ));
        assert!(peek(&deep).is_err());
    }

    #[test]
    fn newer_values_can_still_be_shown_read_only() {
        let raw = envelope(
            "note",
            9,
            json!({"text": "from the future", "colour": "red"}),
        );
        assert_eq!(
            decode_newer_leniently::<Note>(&raw).map(|n| n.text),
            Some("from the future".into())
        );
        assert_eq!(decode_newer_leniently::<Note>("nonsense"), None);
    }
}
