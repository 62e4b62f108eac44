namespace ThiDua.Infrastructure;

/// <summary>Paging links that keep the list's filters in the query string (plain links, no JavaScript).</summary>
public sealed record PagerModel(int Page, int PageSize, int Total, Func<int, string> Url)
{
    public int TotalPages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public static int Clamp(int page) => Math.Max(1, page);
}
