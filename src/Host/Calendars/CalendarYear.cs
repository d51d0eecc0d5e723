namespace Anju.Host.Calendars;

/// <summary>
/// One year of the working-day calendar as the State Council's notice (国务院办公厅关于部分节假日安排的通知)
/// publishes it: its public holidays and its make-up working days (调休), with the notice's reference. The years
/// shipped with Anju are seeded from the engine's calendar file; later years are entered by administrators.
/// </summary>
public sealed class CalendarYear
{
    /// <summary>The longest notice (the State Council notice's title or a note) a year can carry.</summary>
    public const int MaxNoticeLength = 300;

    /// <summary>The calendar year (e.g. 2027).</summary>
    public int Year { get; set; }

    /// <summary>The public holidays, yyyy-MM-dd separated by ',', ascending.</summary>
    public required string Holidays { get; set; }

    /// <summary>The weekend days declared working days (调休), yyyy-MM-dd separated by ',', ascending.</summary>
    public required string Workdays { get; set; }

    /// <summary>The notice the year comes from (e.g. 国办发明电〔2025〕7号), or the shipped file's source.</summary>
    public required string Notice { get; set; }

    /// <summary>Who entered or last changed the year; "system" when seeded from the shipped file.</summary>
    public required string ChangedBy { get; set; }

    /// <summary>When the year was entered or last changed (UTC); null when seeded from the shipped file.</summary>
    public DateTime? ChangedAt { get; set; }

    /// <summary>1 when entered, +1 on every change: the nodes compare the sum to notice a change cheaply.</summary>
    public long Revision { get; set; }
}
