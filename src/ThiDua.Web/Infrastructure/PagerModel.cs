namespace ThiDua.Infrastructure;

/// <summary>Paging links that keep the list's filters in the query string (plain links, no JavaScript).</summary>
public sealed record PagerModel(int Page, int PageSize, int Total, Func<int, string> Url)
{
    public int TotalPages => Math.Max(1, (int)(((long)Total + PageSize - 1) / PageSize));

    public static int Clamp(int page) => Math.Max(1, page);

    /// <summary>
    /// The page to show for a requested one: a page past the end shows the last, a page below 1 or text that is no
    /// number (a model error on "p") the first, each with <paramref name="message"/> saying so; null when it exists.
    /// </summary>
    public static int Bound(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, int page, int total, int pageSize, string listName, out string? message)
    {
        var pages = new PagerModel(1, pageSize, total, _ => "").TotalPages;
        var unreadable = modelState.TryGetValue("p", out var entry) && entry.Errors.Count > 0 ? entry.AttemptedValue ?? "" : null;
        message = null;
        if (unreadable is null && page >= 1 && page <= pages) return page;
        var shown = unreadable is null && page > pages ? pages : 1;
        var asked = unreadable ?? page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        message = $"Không có trang \"{(asked.Length > 20 ? asked[..20] + "…" : asked)}\": {listName} có {VnFormat.Number(pages)} trang. Đang hiện trang {VnFormat.Number(shown)}.";
        modelState.Remove("p");
        return shown;
    }

    /// <summary>
    /// The numbered links: the first and last page, and <paramref name="around"/> pages either side of the current
    /// one; null marks a gap ("…"). 1 … 4 5 [6] 7 8 … 111.
    /// </summary>
    public IReadOnlyList<int?> Numbers(int around = 2)
    {
        var last = TotalPages;
        var current = Math.Clamp(Page, 1, last);
        var result = new List<int?>();
        int? previous = null;
        foreach (var n in new[] { 1, last }.Concat(Enumerable.Range(Math.Max(1, current - around), Math.Min(last, current + around) - Math.Max(1, current - around) + 1)).Distinct().Order())
        {
            if (previous is { } p && n > p + 1) result.Add(n == p + 2 ? p + 1 : null);
            result.Add(n);
            previous = n;
        }
        return result;
    }
}
