using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Accounts;
using SharingHub.Hub.Cases;
using SharingHub.Hub.Disclosure;
using SharingHub.Hub.Idempotency;
using SharingHub.Hub.Linkage;
using SharingHub.Hub.Requests;
using SharingHub.Hub.Signals;
using SharingHub.Hub.Subjects;

namespace SharingHub.Hub.Storage;

/// <summary>
/// The hub's one EF Core model. Each provider has a subclass (<see cref="SqliteHubDbContext"/>,
/// <see cref="PostgresHubDbContext"/>) that owns its migration set; code depends on this base type only.
/// To add a table: add the entity class in its capability folder, one <c>IEntityTypeConfiguration&lt;T&gt;</c>
/// in Storage/Configurations (picked up by <see cref="OnModelCreating"/>), a <c>DbSet</c> here, then one
/// migration per provider (see README, "Storage").
/// </summary>
public abstract class HubDbContext : DbContext
{
    protected HubDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Partner> Partners => Set<Partner>();

    public DbSet<PartnerRole> PartnerRoles => Set<PartnerRole>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<PersonRole> PersonRoles => Set<PersonRole>();

    public DbSet<PartnerClient> PartnerClients => Set<PartnerClient>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<Subject> Subjects => Set<Subject>();

    public DbSet<SubjectKey> SubjectKeys => Set<SubjectKey>();

    public DbSet<SubjectRef> SubjectRefs => Set<SubjectRef>();

    public DbSet<Signal> Signals => Set<Signal>();

    public DbSet<SignalDocument> SignalDocuments => Set<SignalDocument>();

    public DbSet<SignalMember> SignalMembers => Set<SignalMember>();

    public DbSet<SubjectEncoding> SubjectEncodings => Set<SubjectEncoding>();

    public DbSet<SubjectLink> SubjectLinks => Set<SubjectLink>();

    public DbSet<Casus> Cases => Set<Casus>();

    public DbSet<CasusEvent> CasusEvents => Set<CasusEvent>();

    public DbSet<AccessRequest> AccessRequests => Set<AccessRequest>();

    public DbSet<Review> Reviews => Set<Review>();

    public DbSet<Grant> Grants => Set<Grant>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HubDbContext).Assembly, t => t.Namespace == typeof(Configurations.PartnerConfiguration).Namespace);
        modelBuilder.UseOpenIddict();
        OpenIddictTables.Rename(modelBuilder);
    }
}
