using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Awards;
using ThiDua.Features.Eligibility;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Registrations;

/// <summary>
/// The bloc's year at a glance for the secretariat: every member agency with its registration's state, and the number
/// of lines per title or form (a matrix agency × code with totals); the same figures feed the page and the .xlsx.
/// </summary>
public static class RegistrationSummary
{
    public sealed record Matrix(int Year, IReadOnlyList<(string Code, string Name)> Codes, IReadOnlyList<MatrixRow> Rows)
    {
        public int Total(string code) => Rows.Sum(r => r.Count(code));
        public int GrandTotal => Rows.Sum(r => r.Total);
    }

    public sealed record MatrixRow(IndexModel.Row Agency, IReadOnlyDictionary<string, int> Counts)
    {
        public int Count(string code) => Counts.GetValueOrDefault(code);
        public int Total => Counts.Values.Sum();
    }

    /// <summary>One line with its agency and subject, for the detail sheet.</summary>
    public sealed record LineRow(string AgencyCode, string Agency, RegistrationState State, RegistrationSubject Subject, string? UnitCode, string? UnitName,
        string? PersonalCode, string? PersonName, string Code, string? Note);

    /// <summary>The member agencies of any bloc in the year, and any agency that registered for it, with their registration.</summary>
    public static async Task<List<IndexModel.Row>> AgencyRowsAsync(AppDbContext db, int year, CancellationToken ct)
    {
        var members = db.BlocMemberships.Where(m => m.FromYear <= year && (m.ToYear == null || m.ToYear >= year)).Select(m => m.UnitId);
        var registered = db.Registrations.Where(r => r.Year == year).Select(r => r.UnitId);
        var agencies = await db.Units.AsNoTracking().Where(u => members.Contains(u.Id) || registered.Contains(u.Id))
            .Select(u => new { u.Id, u.Name, u.Code, u.SortKey }).ToListAsync(ct);
        var regs = await db.Registrations.AsNoTracking().Where(r => r.Year == year)
            .Select(r => new { r.Id, r.UnitId, r.State, r.SubmittedUtc, Lines = r.Lines.Count }).ToDictionaryAsync(r => r.UnitId, ct);
        return agencies.OrderBy(a => a.SortKey, StringComparer.Ordinal).Select(a => regs.TryGetValue(a.Id, out var r)
            ? new IndexModel.Row(a.Id, a.Name, a.Code, r.Id, year, r.State, r.SubmittedUtc, r.Lines)
            : new IndexModel.Row(a.Id, a.Name, a.Code, null, year, null, null, 0)).ToList();
    }

    /// <summary>Lines per agency and code: the codes that occur, in catalogue order.</summary>
    public static async Task<Matrix> BuildAsync(AppDbContext db, int year, CancellationToken ct)
    {
        var agencies = await AgencyRowsAsync(db, year, ct);
        var counts = await db.RegistrationLines.AsNoTracking().Where(l => l.Registration!.Year == year)
            .GroupBy(l => new { l.Registration!.UnitId, l.Code }).Select(g => new { g.Key.UnitId, g.Key.Code, N = g.Count() }).ToListAsync(ct);
        var used = counts.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var codes = EligibilityCodes.Catalogue.Where(c => used.Contains(c.Code)).ToList();
        var byUnit = counts.ToLookup(c => c.UnitId);
        var rows = agencies.Select(a => new MatrixRow(a, byUnit[a.UnitId].ToDictionary(c => c.Code, c => c.N, StringComparer.Ordinal))).ToList();
        return new Matrix(year, codes, rows);
    }

    /// <summary>Every line of the year's registrations (or one agency's), agency by agency, for the detail sheet.</summary>
    public static async Task<List<LineRow>> LinesAsync(AppDbContext db, int year, int? agencyId, CancellationToken ct)
    {
        var q = db.RegistrationLines.AsNoTracking().Where(l => l.Registration!.Year == year);
        if (agencyId is { } a) q = q.Where(l => l.Registration!.UnitId == a);
        var rows = await q.Select(l => new
        {
            AgencyCode = l.Registration!.Unit!.Code, Agency = l.Registration.Unit.Name, AgencySort = l.Registration.Unit.SortKey, l.Registration.State, l.Subject,
            UnitCode = l.SubjectUnit != null ? l.SubjectUnit.Code : null, UnitName = l.SubjectUnit != null ? l.SubjectUnit.Name : null,
            PersonalCode = l.Person != null ? l.Person.PersonalCode : null,
            l.Person!.FamilyName, l.Person.MiddleName, l.Person.GivenName, PersonSort = l.Person != null ? l.Person.SortKey : null,
            l.Code, l.Note, l.Id,
        }).ToListAsync(ct);
        return rows.OrderBy(r => r.AgencySort, StringComparer.Ordinal).ThenBy(r => r.Subject).ThenBy(r => r.UnitName ?? r.PersonSort, StringComparer.Ordinal).ThenBy(r => r.Id)
            .Select(r => new LineRow(r.AgencyCode, r.Agency, r.State, r.Subject, r.UnitCode, r.UnitName, r.PersonalCode,
                r.PersonalCode is null ? null : VietnameseText.FullName(r.FamilyName, r.MiddleName, r.GivenName), r.Code, r.Note)).ToList();
    }

    /// <summary>The workbook: the matrix (when given) and the lines, text neutralised against formulas by <see cref="XlsxWriter"/>.</summary>
    public static byte[] Workbook(Matrix? matrix, IReadOnlyList<LineRow> lines)
    {
        var sheets = new List<XlsxSheet>();
        if (matrix is not null)
        {
            var columns = new List<XlsxColumn> { new("Mã cơ quan", XlsxColumnKind.Code, 12), new("Cơ quan", Width: 40), new("Trạng thái", Width: 16), new("Ngày nộp", XlsxColumnKind.Date, 12) };
            columns.AddRange(matrix.Codes.Select(c => new XlsxColumn($"{c.Name} ({c.Code})", XlsxColumnKind.Number, 14)));
            columns.Add(new XlsxColumn("Tổng số", XlsxColumnKind.Number, 10));
            var rows = matrix.Rows.Select(r => (IReadOnlyList<object?>)
            [
                r.Agency.AgencyCode, r.Agency.Agency, r.Agency.State is { } s ? RegistrationRules.StateName(s) : "Chưa đăng ký",
                r.Agency.SubmittedUtc is { } at ? DateOnly.FromDateTime(VnFormat.ToVietnamTime(at)) : null,
                .. matrix.Codes.Select(c => (object?)r.Count(c.Code)), r.Total,
            ]).ToList();
            rows.Add(["", "Tổng cộng", "", null, .. matrix.Codes.Select(c => (object?)matrix.Total(c.Code)), matrix.GrandTotal]);
            sheets.Add(new XlsxSheet("Tổng hợp", columns, rows));
        }
        sheets.Add(new XlsxSheet("Chi tiết",
        [
            new("Mã cơ quan", XlsxColumnKind.Code, 12), new("Cơ quan", Width: 36), new("Trạng thái", Width: 16), new("Đối tượng", Width: 18),
            new("Mã đơn vị", XlsxColumnKind.Code, 14), new("Đơn vị", Width: 30), new("Mã cá nhân", XlsxColumnKind.Code, 14), new("Họ và tên", Width: 26),
            new("Mã danh hiệu, hình thức", XlsxColumnKind.Code, 12), new("Danh hiệu, hình thức", Width: 36), new("Ghi chú", Width: 40),
        ],
        lines.Select(l => (IReadOnlyList<object?>)
        [
            l.AgencyCode, l.Agency, RegistrationRules.StateName(l.State), RegistrationRules.SubjectName(l.Subject),
            l.UnitCode, l.UnitName, l.PersonalCode, l.PersonName, l.Code, AwardRecord.Name(l.Code), l.Note,
        ])));
        using var ms = new MemoryStream();
        XlsxWriter.Write(ms, sheets);
        return ms.ToArray();
    }
}
