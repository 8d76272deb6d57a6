//! Small building blocks shared by the pages, following the NHS design
//! system's patterns, one a file. They hold no business rules: each shows
//! what it is given and reports what the client did.

mod back_link;
mod chart;
mod checkbox;
mod choices;
mod dialog;
mod errors;
mod notices;
mod page;
mod table;
mod text_field;

pub use back_link::BackLink;
pub use chart::LineChart;
pub use checkbox::{Checkbox, CheckboxGroup};
pub use choices::Choices;
pub use dialog::{close_dialog, open_dialog, ConfirmDialog, DialogTone};
pub use errors::{
    described_by, ErrorSummary, FieldErrorMessage, FormErrors, SummaryError, ERROR_SUMMARY_ID,
};
pub use notices::{NoticeList, UndoNotice, UpdateBanner};
pub use page::{Page, HEADING_ID};
pub use table::DataTable;
pub use text_field::TextField;
