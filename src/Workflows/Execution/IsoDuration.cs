using System.Globalization;
using System.Text.RegularExpressions;

namespace Anju.Workflows.Execution;

/// <summary>An ISO 8601 duration (PnYnMnWnDTnHnMnS); years and months are calendar units, not fixed spans.</summary>
internal readonly partial record struct IsoDuration(int Years, int Months, int Days, TimeSpan Time)
{
    [GeneratedRegex(@"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex Pattern();

    public static bool TryParse(string text, out IsoDuration duration)
    {
        duration = default;
        var match = Pattern().Match(text.Trim());
        if (!match.Success || text.Trim() is "P" or "PT" || text.TrimEnd().EndsWith('T'))
        {
            return false;
        }

        int Part(int i) => match.Groups[i].Success ? int.Parse(match.Groups[i].Value, CultureInfo.InvariantCulture) : 0;
        var seconds = match.Groups[7].Success ? double.Parse(match.Groups[7].Value, CultureInfo.InvariantCulture) : 0;
        duration = new IsoDuration(Part(1), Part(2), (Part(3) * 7) + Part(4), new TimeSpan(Part(5), Part(6), 0) + TimeSpan.FromSeconds(seconds));
        return true;
    }

    public DateTimeOffset AddTo(DateTimeOffset start) => start.AddYears(Years).AddMonths(Months).AddDays(Days).Add(Time);

    public bool IsZero => Years == 0 && Months == 0 && Days == 0 && Time == TimeSpan.Zero;
}
