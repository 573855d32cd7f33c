using System.Globalization;

namespace SharingHub.Policies.Convenants;

/// <summary>
/// An ISO 8601 duration with whole-number components (PnYnMnWnDTnHnMnS), as used for retention periods.
/// Calendar parts are applied as calendar arithmetic, so "P1Y" from 29 Feb lands on 28 Feb.
/// </summary>
public readonly record struct IsoDuration(int Years, int Months, int Days, TimeSpan Time)
{
    public bool IsZero => Years == 0 && Months == 0 && Days == 0 && Time == TimeSpan.Zero;

    /// <summary>The moment this duration after <paramref name="start"/>.</summary>
    public DateTimeOffset AddTo(DateTimeOffset start) => start.AddYears(Years).AddMonths(Months).AddDays(Days).Add(Time);

    public static bool TryParse(string? text, out IsoDuration duration)
    {
        duration = default;
        if (string.IsNullOrEmpty(text) || text.Length > 40 || text[0] != 'P' || text.Length == 1)
        {
            return false;
        }

        int years = 0, months = 0, weeks = 0, days = 0, hours = 0, minutes = 0, seconds = 0;
        var inTime = false;
        var any = false;
        var lastOrder = -1;
        var i = 1;
        while (i < text.Length)
        {
            if (text[i] == 'T')
            {
                if (inTime)
                {
                    return false;
                }

                inTime = true;
                i++;
                if (i == text.Length)
                {
                    return false;
                }

                continue;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == start || i == text.Length || i - start > 6)
            {
                return false;
            }

            var value = int.Parse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture);
            var order = (inTime, text[i]) switch
            {
                (false, 'Y') => 0,
                (false, 'M') => 1,
                (false, 'W') => 2,
                (false, 'D') => 3,
                (true, 'H') => 4,
                (true, 'M') => 5,
                (true, 'S') => 6,
                _ => -1,
            };
            if (order <= lastOrder)
            {
                return false;
            }

            switch (order)
            {
                case 0: years = value; break;
                case 1: months = value; break;
                case 2: weeks = value; break;
                case 3: days = value; break;
                case 4: hours = value; break;
                case 5: minutes = value; break;
                default: seconds = value; break;
            }

            lastOrder = order;
            any = true;
            i++;
        }

        if (!any)
        {
            return false;
        }

        duration = new IsoDuration(years, months, checked((weeks * 7) + days), new TimeSpan(hours, minutes, seconds));
        return true;
    }
}
