using System.Globalization;
using System.Text;

namespace Anju.Workflows.Model;

/// <summary>
/// The <c>datePattern</c> of a camunda:formProperty of type date (Camunda 7 user guide, "Generated Task Forms"): the
/// pattern, in Java's <c>SimpleDateFormat</c> letters, in which a form shows and takes the date. Anju stores dates as
/// ISO 8601 text, so a value typed in the pattern is turned into ISO when the form is submitted: <c>yyyy-MM-dd</c> for a
/// pattern without a time of day, otherwise the date-time in China Standard Time (<c>+08:00</c>), as Camunda reads it in
/// the server's zone. An ISO value is accepted as well (the console's date picker sends one).
/// </summary>
/// <remarks>
/// The letters read: y (year), M (month as a number), d (day), H and h (hour), m (minute), s (second), S (millisecond)
/// and a (AM/PM); text between single quotes and any character that is not an ASCII letter are literal. Other letters
/// (month and day names, week numbers, zones) are refused at deploy: their text depends on the locale.
/// </remarks>
public sealed record FormDatePattern
{
    private FormDatePattern(string pattern, string format, bool hasTime)
    {
        Pattern = pattern;
        Format = format;
        HasTime = hasTime;
    }

    /// <summary>The pattern as written in the model (Java letters).</summary>
    public string Pattern { get; }

    /// <summary>The same pattern as a .NET custom date format (every literal escaped).</summary>
    internal string Format { get; }

    /// <summary>The pattern has a time of day: the value is stored as a date-time, otherwise as a date.</summary>
    public bool HasTime { get; }

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>A date written in the pattern (10 October 2026, 14:30), to show a person how to type one.</summary>
    public string Example => new DateTime(2026, 10, 10, 14, 30, 0, DateTimeKind.Unspecified).ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Reads a Java date pattern; null with the reason when it has a letter the engine does not read.</summary>
    public static FormDatePattern? TryCreate(string pattern, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(pattern) || pattern.Length > 64)
        {
            problem = "a date pattern must have 1 to 64 characters";
            return null;
        }

        var format = new StringBuilder();
        var hasTime = false;
        var hasDate = false;
        for (var i = 0; i < pattern.Length;)
        {
            var c = pattern[i];
            if (c == '\'')
            {
                var end = pattern.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    problem = "a quote in the date pattern is not closed";
                    return null;
                }

                var literal = end == i + 1 ? "'" : pattern[(i + 1)..end];
                foreach (var l in literal)
                {
                    format.Append('\\').Append(l);
                }

                i = end + 1;
                continue;
            }

            if (!char.IsAsciiLetter(c))
            {
                format.Append('\\').Append(c);
                i++;
                continue;
            }

            var run = 1;
            while (i + run < pattern.Length && pattern[i + run] == c)
            {
                run++;
            }

            string? piece = c switch
            {
                'y' => run == 2 ? "yy" : "yyyy",
                'M' when run <= 2 => new string('M', run),
                'd' when run <= 2 => new string('d', run),
                'H' when run <= 2 => new string('H', run),
                'h' when run <= 2 => new string('h', run),
                'm' when run <= 2 => new string('m', run),
                's' when run <= 2 => new string('s', run),
                'S' when run <= 3 => new string('f', run),
                'a' => "tt",
                _ => null,
            };
            if (piece is null)
            {
                problem = $"the letters '{new string(c, run)}' of the date pattern are not supported (y, M, MM, d, dd, H, h, m, s, S and a are)";
                return null;
            }

            hasTime |= c is 'H' or 'h' or 'm' or 's' or 'S' or 'a';
            hasDate |= c is 'y' or 'M' or 'd';
            // "%" marks a single letter as a custom specifier (alone, "d" would be the standard short-date format).
            format.Append(piece.Length == 1 ? "%" + piece : piece);
            i += run;
        }

        if (!hasDate)
        {
            problem = "a date pattern needs at least one of y, M and d";
            return null;
        }

        return new FormDatePattern(pattern, format.ToString(), hasTime);
    }

    /// <summary>The ISO 8601 text of a value typed in the pattern, or null when it does not match.</summary>
    public string? ToIso(string text)
    {
        if (!DateTime.TryParseExact(text.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return null;
        }

        return HasTime
            ? new DateTimeOffset(parsed, ChinaOffset).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)
            : parsed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
