using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Calendar;

/// <summary>Entering and removing the announced days (the schedule the Prime Minister announces each year), audited.</summary>
public sealed class CalendarService(AppDbContext db)
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;
    public const int NoteMaxLength = 300;

    public static bool InRange(int year) => year is >= FirstYear and <= LastYear;

    public static string KindName(CalendarDayKind k) => k switch
    {
        CalendarDayKind.DayOff => "Ngày nghỉ",
        CalendarDayKind.WorkingDay => "Ngày làm việc (làm bù)",
        _ => k.ToString(),
    };

    /// <summary>The problems with a day to announce (empty when it may be saved), each naming its field.</summary>
    public async Task<List<string>> CheckAsync(DateOnly date, CalendarDayKind kind, string? note, CancellationToken ct = default)
    {
        var problems = new List<string>();
        if (!InRange(date.Year)) problems.Add($"Ngày: năm phải từ {FirstYear} đến {LastYear}.");
        if (!Enum.IsDefined(kind)) problems.Add("Loại ngày: chỉ chọn \"Ngày nghỉ\" hoặc \"Ngày làm việc (làm bù)\".");
        if (string.IsNullOrWhiteSpace(note)) problems.Add("Ghi chú: hãy ghi lý do và văn bản công bố (ví dụ \"Nghỉ Tết Âm lịch (Công văn 8726/VPCP-KGVX)\").");
        else if (note.Trim().Length > NoteMaxLength) problems.Add($"Ghi chú: tối đa {NoteMaxLength} ký tự.");
        if (problems.Count == 0 && await db.CalendarDays.AnyAsync(d => d.Date == date, ct))
            problems.Add($"Ngày {VnFormat.Date(date)} đã có trong lịch công bố; hãy xóa dòng cũ trước nếu muốn đổi.");
        return problems;
    }

    /// <summary>Adds an announced day with its audit entry; returns the problems instead when it may not be saved.</summary>
    public async Task<(CalendarDay? Day, List<string> Problems)> AddAsync(DateOnly date, CalendarDayKind kind, string note, string user, CancellationToken ct = default)
    {
        var problems = await CheckAsync(date, kind, note, ct);
        if (problems.Count > 0) return (null, problems);
        var day = new CalendarDay { Date = date, Kind = kind, Note = note.Trim() };
        db.CalendarDays.Add(day);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            db.Audit(user, "Thêm ngày vào lịch công bố", nameof(CalendarDay), day.Id, $"trước: — → sau: {AuditText(day)}", code: day.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another administrator announced the same date between the check and the save (unique index on Date).
            db.ChangeTracker.Clear();
            if (await db.CalendarDays.AnyAsync(d => d.Date == date, ct))
                return (null, [$"Ngày {VnFormat.Date(date)} đã có trong lịch công bố; hãy xóa dòng cũ trước nếu muốn đổi."]);
            throw;
        }
        return (day, []);
    }

    /// <summary>Removes an announced day with its audit entry; false when it no longer exists.</summary>
    public async Task<bool> RemoveAsync(int id, string user, CancellationToken ct = default)
    {
        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (day is null) return false;
        db.CalendarDays.Remove(day);
        db.Audit(user, "Xóa ngày khỏi lịch công bố", nameof(CalendarDay), day.Id, $"trước: {AuditText(day)} → sau: —", code: day.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
        return true;
    }

    public static string AuditText(CalendarDay d) => $"{VnFormat.DateWithWeekday(d.Date)}: {KindName(d.Kind)} — {d.Note}";
}
