using Microsoft.EntityFrameworkCore;
using ThiDua.DemoData;
using ThiDua.Features.Eligibility;
using ThiDua.Features.Nominations;

namespace ThiDua.Features.Decisions;

/// <summary>
/// The demo year 2019 for decisions, through <see cref="DecisionService"/> as the pages call it, after the councils
/// step has left the bloc's dossiers in CouncilApproved: the bloc leader's decision of 04/03/2020 giving Bằng khen to
/// every approved bloc dossier (13 collectives, 35 individuals), issued with numbered certificates; BTCTW's own
/// decision for its approved agency-level dossiers of forms within its authority; one cover letter upward for the
/// others; one revoked award (illustrative). Names of signers are invented (minh họa).
/// </summary>
public static class DecisionsDemo
{
    /// <summary>Forms an agency head (ngang bộ) may not confer: they go upward with a cover letter.</summary>
    public static readonly string[] AboveAgency = ["BK_TTG", "CSTDTQ", "CO_CP"];

    public static readonly DateOnly BlocDecisionDate = new(2020, 3, 4);

    public static async Task SeedAsync(BlocYearDemoContext ctx, CancellationToken ct)
    {
        var db = ctx.Db;
        // 15:00 in Hà Nội, after the bloc council's ballot of the same morning (Councils demo).
        var clock = new FixedClock(new DateTimeOffset(2020, 3, 4, 8, 0, 0, TimeSpan.Zero));
        var svc = new DecisionService(db, clock);
        var bloc = await db.Blocs.AsNoTracking().SingleAsync(b => b.Id == ctx.BlocId, ct);
        var leader = await svc.BlocLeaderAsync(ctx.BlocId, 2019, ct) ?? ctx.Agencies["BTCTW"];

        // The agency's dossiers are of 2025–2026, voted on by its council a few days ago (Councils demo): decided yesterday.
        var now = ((TimeProvider?)ctx.Services.GetService(typeof(TimeProvider)) ?? TimeProvider.System).GetUtcNow();
        await AgencyAsync(ctx, new DecisionService(db, new FixedClock(now)), DateOnly.FromDateTime(now.UtcDateTime.AddHours(7)).AddDays(-1), ct);
        // The bloc leader's Bằng khen (nothing to decide when no bloc dossier was approved).
        if (!await db.Nominations.AnyAsync(n => n.Level == NominationLevel.Bloc && n.BlocId == ctx.BlocId && n.Year == 2019 && n.Code == "BK_BO" && n.State == NominationState.CouncilApproved, ct))
            return;
        var blocDraft = await svc.CreateDraftAsync(leader, ctx.BlocId, DecisionKind.Decision, new DraftInput(
            2019, "BK_BO", AwardBasis.Merit, 2019, 2019, "Về việc tặng Bằng khen của Khối trưởng Khối thi đua các cơ quan Đảng Trung ương năm 2019",
            DecisionRules.DefaultGrounds(BlocDecisionDate, "", true, bloc.Name), "Nguyễn Văn An (minh họa)", "Khối trưởng", "Hà Nội", DocumentSystem.Party,
            "Hội đồng Thi đua - Khen thưởng Trung ương (để báo cáo)\nCác cơ quan thành viên Khối\nCác tập thể, cá nhân có tên tại Điều 1"), ctx.Secretariat, ct);
        var blocIds = await svc.Candidates(blocDraft).Select(n => n.Id).ToListAsync(ct);
        await svc.AddNominationsAsync(blocDraft.Id, blocIds, ctx.Secretariat, ct);
        await svc.IssueAsync(blocDraft.Id, BlocDecisionDate, ctx.Secretariat, ct);
        db.ChangeTracker.Clear();

        // One award revoked, to show how it reads (illustrative).
        var revoked = await db.DecisionRecipients.Where(r => r.DecisionId == blocDraft.Id && r.PersonId != null).OrderByDescending(r => r.Order).Select(r => r.Id).FirstOrDefaultAsync(ct);
        if (revoked != 0)
        {
            var later = new DecisionService(db, new FixedClock(new DateTimeOffset(2020, 9, 10, 2, 0, 0, TimeSpan.Zero)));
            await later.RevokeAsync(revoked, new DateOnly(2020, 9, 10), "Kê khai thành tích không đúng sự thật (minh họa)", DecisionRules.DefaultRevocationGround, "27-QĐ/KTĐ ngày 10/9/2020 (minh họa)", ctx.Secretariat, ct);
        }
        db.ChangeTracker.Clear();
    }

    private static async Task AgencyAsync(BlocYearDemoContext ctx, DecisionService svc, DateOnly on, CancellationToken ct)
    {
        var db = ctx.Db;
        // BTCTW's own decisions and its cover letter upward, for its agency-level dossiers the council approved.
        var btctw = ctx.Agencies["BTCTW"];
        var pairs = await db.Nominations.Where(n => n.AgencyId == btctw && n.Level == NominationLevel.Agency && n.State == NominationState.CouncilApproved)
            .Select(n => new { n.Year, n.Code }).Distinct().ToListAsync(ct);
        foreach (var (year, code) in pairs.OrderBy(p => p.Year).ThenBy(p => p.Code, StringComparer.Ordinal).Select(p => (p.Year, p.Code)))
        {
            var upward = AboveAgency.Contains(code);
            var d = await svc.CreateDraftAsync(btctw, null, upward ? DecisionKind.Upward : DecisionKind.Decision, new DraftInput(
                year, code, AwardBasis.Merit, year, year, DecisionRules.DefaultSubject(code, upward ? DecisionKind.Upward : DecisionKind.Decision, year),
                DecisionRules.DefaultGrounds(on, "Ban Tổ chức Trung ương", false, null), "Trần Văn Bình (minh họa)", "Phó Trưởng Ban Thường trực", "Hà Nội", DocumentSystem.Party,
                "Các vụ, đơn vị thuộc Ban\nCác cá nhân, tập thể có tên tại Điều 1", upward ? "Thủ tướng Chính phủ (qua Ban Thi đua - Khen thưởng Trung ương)" : null), ctx.OfficerOf("BTCTW"), ct);
            var ids = await svc.Candidates(d).Select(n => n.Id).ToListAsync(ct);
            if (ids.Count == 0) continue;
            await svc.AddNominationsAsync(d.Id, ids, ctx.OfficerOf("BTCTW"), ct);
            await svc.IssueAsync(d.Id, on, "lanhdao.btctw@thidua.vn", ct);
            db.ChangeTracker.Clear();
        }

        db.ChangeTracker.Clear();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
