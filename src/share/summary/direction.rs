//! Which way a shared measure's trend has gone over the period.

use super::types::{SharedKind, SharedMeasure};

/// Which way a trend has gone over the period, in neutral words (for some
/// measures up is good, for others it is not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The later weeks average clearly higher.
    Up,
    /// The later weeks average clearly lower.
    Down,
    /// Little change.
    Steady,
    /// Too few weeks to say.
    Unknown,
}

impl Direction {
    /// The words shown.
    pub fn label(self) -> &'static str {
        match self {
            Direction::Up => "Going up",
            Direction::Down => "Going down",
            Direction::Steady => "About the same",
            Direction::Unknown => "Not enough readings to see a trend",
        }
    }
}

impl SharedMeasure {
    /// Compares the average of the earlier half of the weeks with the
    /// later half. A change under a twentieth of the earlier average (or
    /// half a point on a scale) counts as "about the same".
    pub fn direction(&self) -> Direction {
        if self.weeks.len() < 2 {
            return Direction::Unknown;
        }
        let half = self.weeks.len() / 2;
        let mean = |w: &[(u16, i32)]| {
            w.iter().map(|(_, v)| i64::from(*v)).sum::<i64>() / w.len().max(1) as i64
        };
        let (early, late) = (mean(&self.weeks[..half]), mean(&self.weeks[half..]));
        let threshold = match self.kind {
            SharedKind::Number => (early.abs() / 20).max(1),
            _ => 5,
        };
        match late - early {
            d if d >= threshold => Direction::Up,
            d if d <= -threshold => Direction::Down,
            _ => Direction::Steady,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::now;
    use super::super::typical;
    use super::*;

    #[test]
    fn directions_use_neutral_words_and_a_threshold() {
        let mut m = typical(now()).measures[1].clone();
        m.weeks = vec![(0, 50), (1, 52), (2, 51), (3, 53)];
        assert_eq!(m.direction(), Direction::Steady);
        m.weeks = vec![(0, 50), (1, 52), (2, 61), (3, 63)];
        assert_eq!(m.direction(), Direction::Up);
        m.weeks = vec![(0, 50)];
        assert_eq!(m.direction(), Direction::Unknown);
    }
}
