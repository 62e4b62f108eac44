using Microsoft.EntityFrameworkCore;

namespace ThiDua.Features.Units;

/// <summary>
/// Recognises a save refused by a table's unique index on Code: two officers saved the same code at once, and the
/// second passed the page's check before the first committed. Read from the provider's message, which names the
/// column (SQLite: "UNIQUE constraint failed: Units.Code") or the index (PostgreSQL: "IX_Units_Code").
/// </summary>
public static class CodeConflict
{
    public static bool Is(DbUpdateException e, string table)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x.Message.Contains($"{table}.Code", StringComparison.Ordinal) || x.Message.Contains($"IX_{table}_Code", StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
