using ThiDua.Features.Awards;
using ThiDua.Features.Eligibility;

namespace ThiDua.Tests.Awards;

public sealed class CatalogueTests
{
    [Fact]
    public void Catalogue_EachCodeHasOneName_UsedByTheRegistryAndTheEngine()
    {
        Assert.Equal(EligibilityCodes.Catalogue.Count, EligibilityCodes.Catalogue.Select(c => c.Code).Distinct().Count());
        Assert.Equal(EligibilityCodes.Catalogue.Count, EligibilityCodes.Catalogue.Select(c => c.Name).Distinct().Count());
        foreach (var (code, name) in EligibilityCodes.Catalogue)
        {
            Assert.Equal(name, AwardRecord.Name(code));
            Assert.Equal(name, EligibilityCodes.VietnameseName(code));
        }
        // Every code the engine evaluates is in the catalogue.
        Assert.All(EligibilityCodes.Individual.Concat(EligibilityCodes.Collective), c => Assert.Contains(c, AwardRecord.Codes.Keys));
    }
}
