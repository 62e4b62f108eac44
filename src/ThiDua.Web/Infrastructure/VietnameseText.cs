using System.Globalization;
using System.Text;

namespace ThiDua.Infrastructure;

/// <summary>
/// Vietnamese text rules the database cannot apply by itself: search that ignores case and diacritics
/// (đ/Đ included, which Unicode decomposition does not fold) and the dictionary order of names.
/// </summary>
public static class VietnameseText
{
    /// <summary>
    /// Folds text for search: NFC first (so input typed with combining marks matches), then drops tone and
    /// vowel marks, maps đ/Đ to d, lowercases and collapses whitespace. "NGUYỄN VĂN ĐỨC" → "nguyen van duc".
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = text.Normalize(NormalizationForm.FormC).Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var ch in decomposed)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) continue;
            if (char.IsWhiteSpace(ch))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(ch switch { 'đ' or 'Đ' => 'd', _ => char.ToLowerInvariant(ch) });
        }
        return sb.ToString();
    }

    // The Vietnamese alphabet in dictionary order; f, j, w, z appear in foreign names and sort as in Latin.
    private const string Alphabet = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";

    // Tone order used by Vietnamese dictionaries: ngang, huyền, hỏi, ngã, sắc, nặng.
    private static int ToneOf(char combining) => combining switch
    {
        '\u0300' => 1, // huyền
        '\u0309' => 2, // hỏi
        '\u0303' => 3, // ngã
        '\u0301' => 4, // sắc
        '\u0323' => 5, // nặng
        _ => 0,
    };

    /// <summary>
    /// A key whose ordinal (byte) order is Vietnamese dictionary order: letters first (ă after a, đ after d),
    /// tones only to break ties. Stored in a column so the database sorts without a Vietnamese collation.
    /// </summary>
    public static string SortKey(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var primary = new StringBuilder();
        var tones = new StringBuilder();
        foreach (var word in text.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (primary.Length > 0) primary.Append(' ');
            var tone = 0;
            foreach (var ch in word.ToLowerInvariant().Normalize(NormalizationForm.FormD))
            {
                var t = ToneOf(ch);
                if (t > 0) { tone = t; continue; }
                if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
                {
                    // Vowel marks that make distinct letters: breve (ă), circumflex (â ê ô), horn (ơ ư).
                    if (primary.Length > 0 && primary[^1] >= 'A' && primary[^1] < 'A' + Alphabet.Length) primary[^1] = Combine(primary[^1], ch);
                    continue;
                }
                var idx = Alphabet.IndexOf(ch == 'đ' ? 'đ' : ch, StringComparison.Ordinal);
                primary.Append(idx >= 0 ? (char)('A' + idx) : ch < 'A' ? ch : (char)('A' + Alphabet.Length + 1));
            }
            tones.Append((char)('0' + tone));
        }
        return primary.Append('\u0001').Append(tones).ToString();
    }

    private static char Combine(char encoded, char mark)
    {
        var letter = Alphabet[encoded - 'A'];
        var combined = (letter, mark) switch
        {
            ('a', '\u0306') => 'ă',
            ('a', '\u0302') => 'â',
            ('e', '\u0302') => 'ê',
            ('o', '\u0302') => 'ô',
            ('o', '\u031B') => 'ơ',
            ('u', '\u031B') => 'ư',
            _ => letter,
        };
        return (char)('A' + Alphabet.IndexOf(combined, StringComparison.Ordinal));
    }

    /// <summary>Key for a person: given name first, then family and middle names, as Vietnamese lists are sorted.</summary>
    public static string PersonSortKey(string familyName, string? middleName, string givenName) =>
        SortKey(givenName) + '\u0002' + SortKey(familyName) + '\u0002' + SortKey(middleName);

    public static int Compare(string? a, string? b) => string.CompareOrdinal(SortKey(a), SortKey(b));

    public static string FullName(string familyName, string? middleName, string givenName) =>
        string.IsNullOrWhiteSpace(middleName) ? $"{familyName} {givenName}" : $"{familyName} {middleName} {givenName}";
}
