//! Civil dates as day numbers, weekdays and Roman numerals.

/// A day, counted from 1970-01-01 (proleptic Gregorian calendar).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Day(pub(crate) i64);

impl Day {
    /// The day of a civil date (Howard Hinnant's `days_from_civil`).
    pub(crate) const fn from_ymd(y: i64, m: i64, d: i64) -> Day {
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Day(era * 146_097 + doe - 719_468)
    }

    /// The civil date (year, month, day) of this day.
    pub(crate) fn ymd(self) -> (i64, i64, i64) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        (
            if m <= 2 {
                yoe + era * 400 + 1
            } else {
                yoe + era * 400
            },
            m,
            d,
        )
    }

    /// The year of this day.
    pub(crate) fn year(self) -> i64 {
        self.ymd().0
    }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    pub(crate) fn weekday(self) -> usize {
        // 1970-01-01 was a Thursday (3).
        (self.0 + 3).rem_euclid(7) as usize
    }

    /// The day `n` days later.
    pub(crate) fn plus(self, n: i64) -> Day {
        Day(self.0 + n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip_and_weekdays() {
        let d = Day::from_ymd(2024, 3, 12);
        assert_eq!(d.ymd(), (2024, 3, 12));
        assert_eq!(d.weekday(), 1); // a Tuesday
        assert_eq!(Day::from_ymd(2025, 7, 1).weekday(), 1);
        assert_eq!(Day::from_ymd(2020, 2, 29).plus(1).ymd(), (2020, 3, 1));
        assert_eq!(Day::from_ymd(1970, 1, 1), Day(0));
        for n in (-1000..30_000).step_by(37) {
            let (y, m, d) = Day(n).ymd();
            assert_eq!(Day::from_ymd(y, m, d), Day(n));
        }
    }
}
