using Anju.Workflows.Calendars;

namespace Anju.Workflows.Tests.Calendars;

public sealed class WorkingCalendarTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private readonly WorkingCalendar _calendar = WorkingCalendar.LoadEmbedded();

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-09-30", 3, "2026-10-10")] // National Day: Oct 1-7 off, Saturday Oct 10 is a make-up working day
    [InlineData("2026-02-13", 2, "2026-02-24")] // Spring Festival: Saturday Feb 14 worked, Feb 15-23 off
    [InlineData("2025-12-31", 1, "2026-01-04")] // New Year: Jan 1-3 off, Sunday Jan 4 worked
    [InlineData("2026-05-08", 1, "2026-05-09")] // Saturday May 9 is a make-up working day
    [InlineData("2026-03-06", 1, "2026-03-09")] // an ordinary Friday → Monday
    [InlineData("2026-03-07", 1, "2026-03-09")] // starting on an ordinary Saturday
    [InlineData("2026-03-02", 5, "2026-03-09")] // an ordinary week
    public void Given_the_embedded_calendar_when_adding_working_days_then_holidays_and_make_up_days_are_respected(string start, int days, string expected)
    {
        Assert.Equal(D(expected), _calendar.AddWorkingDays(D(start), days));
    }

    [Fact]
    public void Given_zero_working_days_when_adding_then_the_start_date_is_returned_even_on_a_holiday()
    {
        Assert.Equal(D("2026-10-03"), _calendar.AddWorkingDays(D("2026-10-03"), 0));
    }

    [Theory]
    [InlineData("2026-10-10", -3, "2026-09-30")]
    [InlineData("2026-02-24", -1, "2026-02-14")]
    [InlineData("2026-03-09", -1, "2026-03-06")]
    public void Given_a_negative_count_when_adding_working_days_then_it_counts_backwards(string start, int days, string expected)
    {
        Assert.Equal(D(expected), _calendar.AddWorkingDays(D(start), days));
    }

    [Theory]
    [InlineData("2026-10-01", false)] // National Day holiday (Thursday)
    [InlineData("2026-10-10", true)] // make-up Saturday
    [InlineData("2026-03-07", false)] // ordinary Saturday
    [InlineData("2026-03-08", false)] // ordinary Sunday
    [InlineData("2026-03-09", true)] // ordinary Monday
    [InlineData("2024-02-04", true)] // make-up Sunday in 2024
    public void Given_a_date_when_asking_if_it_is_a_working_day_then_the_official_arrangement_decides(string date, bool expected)
    {
        Assert.Equal(expected, _calendar.IsWorkingDay(D(date)));
    }

    [Fact]
    public void Given_a_year_without_data_when_counting_then_monday_to_friday_is_assumed_and_the_year_is_reported()
    {
        // 2030-10-01 is a Tuesday: without data it is an ordinary working day.
        Assert.True(_calendar.IsWorkingDay(D("2030-10-01")));
        Assert.Equal(D("2030-10-07"), _calendar.AddWorkingDays(D("2030-10-04"), 1));
        Assert.False(_calendar.HasDataFor(2030));
        Assert.True(_calendar.HasDataFor(2026));
        Assert.Equal([2027, 2028, 2029, 2030], _calendar.YearsWithoutData(D("2030-01-01"), D("2026-06-01")));
        Assert.Empty(_calendar.YearsWithoutData(D("2024-01-01"), D("2026-12-31")));
    }

    [Fact]
    public void Given_a_large_count_in_years_without_data_when_adding_then_whole_weeks_count_five_days()
    {
        // 2030-01-07 is a Monday; 500 working days are exactly 100 weeks later.
        Assert.Equal(D("2031-12-08"), _calendar.AddWorkingDays(D("2030-01-07"), 500));
        Assert.Equal(D("2030-01-07"), _calendar.AddWorkingDays(D("2031-12-08"), -500));
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddWorkingDays(D("2030-01-07"), int.MaxValue));
    }

    [Fact]
    public void Given_an_instant_when_adding_working_days_then_the_local_time_of_day_in_china_is_kept()
    {
        var start = new DateTimeOffset(2026, 9, 30, 17, 30, 0, Cst);
        var due = _calendar.AddWorkingDays(start, 3, WorkingCalendar.ChinaStandardTime);
        Assert.Equal(new DateTimeOffset(2026, 10, 10, 17, 30, 0, Cst), due);
        Assert.Equal(Cst, due.Offset);
    }

    [Fact]
    public void Given_a_utc_instant_that_is_already_the_next_day_in_china_when_adding_then_the_china_date_counts()
    {
        // 2026-09-30T20:00Z is 2026-10-01 04:00 in China: counting starts from the holiday, not from Sep 30.
        var start = new DateTimeOffset(2026, 9, 30, 20, 0, 0, TimeSpan.Zero);
        var due = _calendar.AddWorkingDays(start, 1, WorkingCalendar.ChinaStandardTime);
        Assert.Equal(new DateTimeOffset(2026, 10, 8, 4, 0, 0, Cst), due);
    }

    [Fact]
    public void Given_the_china_zone_then_it_is_utc_plus_eight_without_daylight_saving()
    {
        var zone = WorkingCalendar.ChinaStandardTime;
        Assert.Equal(Cst, zone.GetUtcOffset(new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(Cst, zone.GetUtcOffset(new DateTime(2026, 7, 15, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Given_custom_json_when_parsing_then_its_holidays_and_workdays_apply()
    {
        var calendar = WorkingCalendar.Parse("""
            {"source": "test", "years": {"2027": {"holidays": ["2027-03-01"], "workdays": ["2027-03-06"]}}}
            """);
        Assert.Equal("test", calendar.Source);
        Assert.Equal([2027], calendar.Years);
        Assert.False(calendar.IsWorkingDay(D("2027-03-01")));
        Assert.True(calendar.IsWorkingDay(D("2027-03-06")));
        Assert.Equal(D("2027-03-06"), calendar.AddWorkingDays(D("2027-03-05"), 1));
    }

    [Theory]
    [InlineData("{not json", "malformed")]
    [InlineData("[]", "must be an object")]
    [InlineData("""{"source": "x"}""", "no \"years\"")]
    [InlineData("""{"years": {"twenty": {}}}""", "'twenty' is not a year")]
    [InlineData("""{"years": {"2026": {"holidays": ["2026-13-01"]}}}""", "is not a yyyy-MM-dd date")]
    [InlineData("""{"years": {"2026": {"holidays": ["2025-10-01"]}}}""", "belongs to another year")]
    [InlineData("""{"years": {"2026": {"holidays": ["2026-10-01"], "workdays": ["2026-10-01"]}}}""", "both as a holiday and as a workday")]
    public void Given_malformed_json_when_parsing_then_a_format_exception_explains_the_problem(string json, string expectedFragment)
    {
        var ex = Assert.Throws<FormatException>(() => WorkingCalendar.Parse(json));
        Assert.Contains(expectedFragment, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_the_monday_to_friday_calendar_then_every_year_lacks_data()
    {
        var calendar = WorkingCalendar.MondayToFriday;
        Assert.Empty(calendar.Years);
        Assert.True(calendar.IsWorkingDay(D("2026-10-01")));
        Assert.Same(WorkingCalendar.LoadEmbedded(), WorkingCalendar.LoadEmbedded());
    }

    [Fact]
    public void Given_years_as_data_when_creating_then_they_apply_and_the_shipped_lists_read_back()
    {
        var embedded = WorkingCalendar.LoadEmbedded();
        var calendar = WorkingCalendar.Create("db", [
            (2026, embedded.HolidaysOf(2026), embedded.WorkdaysOf(2026)),
            (2027, [D("2027-01-01")], [D("2027-01-09")]),
        ]);
        Assert.Equal([2026, 2027], calendar.Years);
        Assert.False(calendar.IsWorkingDay(D("2026-10-01")));
        Assert.True(calendar.IsWorkingDay(D("2026-10-10")));
        Assert.False(calendar.IsWorkingDay(D("2027-01-01")));
        Assert.True(calendar.IsWorkingDay(D("2027-01-09")));
        Assert.Equal(D("2026-10-01"), embedded.HolidaysOf(2026).First(d => d.Month == 10));
        Assert.Equal(6, embedded.WorkdaysOf(2026).Count);
        Assert.Contains("another year", Assert.Throws<FormatException>(() => WorkingCalendar.Create(null, [(2027, [D("2026-12-31")], [])])).Message, StringComparison.Ordinal);
        Assert.Contains("both", Assert.Throws<FormatException>(() => WorkingCalendar.Create(null, [(2027, [D("2027-01-02")], [D("2027-01-02")])])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_an_engine_when_its_calendar_is_replaced_then_the_next_reader_gets_the_new_one()
    {
        using var folder = Anju.Testing.TemporaryFolder.Create("tests");
        using var storage = Anju.Workflows.Persistence.WorkflowStorage.Sqlite(folder.Combine("calendar.db"));
        var engine = new Anju.Workflows.WorkflowEngine(storage);
        Assert.Same(WorkingCalendar.LoadEmbedded(), engine.Calendar);
        var replaced = WorkingCalendar.Create("db", [(2027, [D("2027-01-01")], [])]);
        engine.UseCalendar(replaced);
        Assert.Same(replaced, engine.Calendar);
        Assert.Throws<ArgumentNullException>(() => engine.UseCalendar(null!));
    }
}
