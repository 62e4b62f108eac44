using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Nominations.Workflow;

/// <summary>A dossier in a workflow list: subject, agency, form, state, deadline.</summary>
public sealed record DossierRow(int Id, int Version, int Year, string Code, string Subject, string Agency, NominationLevel Level, NominationState State, DateOnly? DueOn, int DaysOverdue);

/// <summary>The lists of the workflow pages, narrowed to what the user handles.</summary>
public static class WorkflowQueries
{
    /// <summary>The dossiers this user handles: bloc-level ones for the bloc secretariat, their agency's agency-level ones for its council secretariat, all for Admin.</summary>
    public static IQueryable<Nomination> Handled(AppDbContext db, WorkflowAccess access)
    {
        var q = db.Nominations.AsNoTracking();
        if (access.Admin) return q;
        if (access.BlocSecretariat && access.CouncilSecretariat && access.OwnAgencyId is { } both)
            return q.Where(n => n.Level == NominationLevel.Bloc || n.AgencyId == both);
        if (access.BlocSecretariat) return q.Where(n => n.Level == NominationLevel.Bloc);
        if (access.CouncilSecretariat && access.OwnAgencyId is { } own) return q.Where(n => n.Level == NominationLevel.Agency && n.AgencyId == own);
        return q.Where(n => false);
    }

    /// <summary>The dossiers this user may read: every one for the secretariat, their agency's for everyone else.</summary>
    public static IQueryable<Nomination> Readable(AppDbContext db, WorkflowAccess access)
    {
        var q = db.Nominations.AsNoTracking();
        if (access.Secretariat) return q;
        return access.OwnAgencyId is { } own ? q.Where(n => n.AgencyId == own) : q.Where(n => false);
    }

    public static async Task<List<DossierRow>> RowsAsync(AppDbContext db, IQueryable<Nomination> q, Func<DateOnly?, int> overdue, CancellationToken ct)
    {
        var rows = await q.Select(n => new
        {
            n.Id, n.Version, n.Year, n.Code, n.Level, n.State, n.DueOn, Agency = n.Agency!.Name,
            UnitName = n.Unit != null ? n.Unit.Name : null,
            Family = n.Person != null ? n.Person.FamilyName : null, Middle = n.Person != null ? n.Person.MiddleName : null, Given = n.Person != null ? n.Person.GivenName : null,
        }).ToListAsync(ct);
        return rows.Select(r => new DossierRow(r.Id, r.Version, r.Year, r.Code,
                r.Given is not null ? VietnameseText.FullName(r.Family ?? "", r.Middle, r.Given) : r.UnitName ?? "—",
                r.Agency, r.Level, r.State, r.DueOn, overdue(r.DueOn)))
            .OrderBy(r => r.DueOn).ThenBy(r => r.Agency, StringComparer.Ordinal).ThenBy(r => r.Id).ToList();
    }
}
