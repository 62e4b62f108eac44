using System.Globalization;

namespace ThiDua.Infrastructure;

/// <summary>
/// The shell's language switch. Vietnamese is the language of the system; English covers the shell
/// (navigation, headings, account pages) for readers who need it. Cookie-based, so it works without JavaScript.
/// </summary>
public sealed class Lang
{
    public const string CookieName = "thidua.lang";

    public bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string T(string vietnamese, string english) => English ? english : vietnamese;
}
