using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharingHub.Hub.Accounts;
using SharingHub.Hub.Cases;
using SharingHub.Hub.Disclosure;
using SharingHub.Hub.Linkage;
using SharingHub.Hub.Requests;
using SharingHub.Hub.Signals;
using SharingHub.Hub.Subjects;

namespace SharingHub.Hub.Storage.Configurations;

internal static class ActorColumn
{
    public const int MaxLength = 160;
}

internal sealed class SignalMemberConfiguration : IEntityTypeConfiguration<SignalMember>
{
    public void Configure(EntityTypeBuilder<SignalMember> builder)
    {
        builder.ToTable("signal_members");
        builder.HasKey(m => new { m.SignalId, m.SubjectId });
        builder.Property(m => m.Identity).IsRequired();
        builder.HasIndex(m => m.SubjectId);
        builder.HasOne<Signal>().WithMany().HasForeignKey(m => m.SignalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Subject>().WithMany().HasForeignKey(m => m.SubjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SubjectEncodingConfiguration : IEntityTypeConfiguration<SubjectEncoding>
{
    public void Configure(EntityTypeBuilder<SubjectEncoding> builder)
    {
        builder.ToTable("subject_encodings");
        // One row per (signal, subject): a group signal (PmG) has one encoding per member.
        builder.HasKey(e => new { e.SignalId, e.SubjectId });
        builder.Property(e => e.ConvenantId).HasMaxLength(ConvenantRole.PartMaxLength).IsUnicode(false);
        builder.Property(e => e.Clk).IsRequired();
        builder.Property(e => e.BlockKeys).IsRequired();
        // The linker takes the oldest pending encodings in index order (no sort of the whole backlog) and counts the linked ones.
        builder.HasIndex(e => new { e.ConvenantId, e.LinkedAt, e.CreatedAt, e.SignalId });
        builder.HasIndex(e => e.SubjectId);
        builder.HasOne<Signal>().WithMany().HasForeignKey(e => e.SignalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Subject>().WithMany().HasForeignKey(e => e.SubjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SubjectLinkConfiguration : IEntityTypeConfiguration<SubjectLink>
{
    public void Configure(EntityTypeBuilder<SubjectLink> builder)
    {
        builder.ToTable("subject_links");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.ConvenantId).HasMaxLength(ConvenantRole.PartMaxLength).IsUnicode(false);
        builder.Property(l => l.Method).HasMaxLength(16).IsUnicode(false);
        builder.Property(l => l.Reason).HasMaxLength(SubjectLink.ReasonMaxLength).IsUnicode(false);
        builder.HasIndex(l => l.SubjectId);
        builder.HasIndex(l => l.LinkedSubjectId);
        builder.HasOne<Subject>().WithMany().HasForeignKey(l => l.SubjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Subject>().WithMany().HasForeignKey(l => l.LinkedSubjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CasusConfiguration : IEntityTypeConfiguration<Casus>
{
    public void Configure(EntityTypeBuilder<Casus> builder)
    {
        builder.ToTable("casus");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.ConvenantId).HasMaxLength(ConvenantRole.PartMaxLength).IsUnicode(false);
        builder.Property(c => c.OwnerPartnerId).HasMaxLength(Partner.IdMaxLength).IsUnicode(false);
        builder.Property(c => c.OwnerRole).HasMaxLength(ConvenantRole.PartMaxLength).IsUnicode(false);
        builder.Property(c => c.State).HasMaxLength(Casus.IdMaxLength).IsUnicode(false);
        builder.Property(c => c.Phase).HasMaxLength(Casus.IdMaxLength).IsUnicode(false);
        builder.Property(c => c.Level).HasMaxLength(Casus.IdMaxLength).IsUnicode(false);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.ConvenantId, c.SubjectId });
        builder.HasIndex(c => new { c.ConvenantId, c.OwnerPartnerId });
        builder.HasOne<Subject>().WithMany().HasForeignKey(c => c.SubjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CasusEventConfiguration : IEntityTypeConfiguration<CasusEvent>
{
    public void Configure(EntityTypeBuilder<CasusEvent> builder)
    {
        builder.ToTable("casus_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.PartnerId).HasMaxLength(Partner.IdMaxLength).IsUnicode(false);
        builder.Property(e => e.Role).HasMaxLength(ConvenantRole.PartMaxLength).IsUnicode(false);
        builder.Property(e => e.Actor).HasMaxLength(ActorColumn.MaxLength).IsUnicode(false);
        builder.Property(e => e.FromState).HasMaxLength(Casus.IdMaxLength).IsUnicode(false);
        builder.Property(e => e.ToState).HasMaxLength(Casus.IdMaxLength).IsUnicode(false);
        builder.Property(e => e.FromPhase).HasMaxLength(Casus.IdMaxLength).IsUnicode(false);
        builder.Property(e => e.ToPhase).HasMaxLength(Casus.IdMaxLength).IsUnicode(false);
        builder.Property(e => e.FromLevel).HasMaxLength(Casus.IdMaxLength).IsUnicode(false);
        builder.Property(e => e.ToLevel).HasMaxLength(Casus.IdMaxLength).IsUnicode(false);
        builder.Property(e => e.Clauses).HasMaxLength(AccessRequest.ListMaxLength).IsUnicode(false);
        builder.HasIndex(e => e.CasusId);
        builder.HasOne<Casus>().WithMany().HasForeignKey(e => e.CasusId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AccessRequestConfiguration : IEntityTypeConfiguration<AccessRequest>
{
    public void Configure(EntityTypeBuilder<AccessRequest> builder)
    {
        builder.ToTable("access_requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ConvenantId).HasMaxLength(ConvenantRole.PartMaxLength).IsUnicode(false);
        builder.Property(r => r.ConvenantVersionHash).HasMaxLength(AccessRequest.IdMaxLength + 16).IsUnicode(false);
        builder.Property(r => r.RequesterPartnerId).HasMaxLength(Partner.IdMaxLength).IsUnicode(false);
        builder.Property(r => r.RequesterRole).HasMaxLength(ConvenantRole.PartMaxLength).IsUnicode(false);
        builder.Property(r => r.RequesterActor).HasMaxLength(ActorColumn.MaxLength).IsUnicode(false);
        builder.Property(r => r.SubjectRef).HasMaxLength(SubjectRef.ReferenceMaxLength).IsUnicode(false);
        builder.Property(r => r.SubjectType).HasMaxLength(16).IsUnicode(false);
        builder.Property(r => r.Purpose).HasMaxLength(AccessRequest.IdMaxLength).IsUnicode(false);
        builder.Property(r => r.Categories).HasMaxLength(AccessRequest.ListMaxLength).IsUnicode(false);
        builder.Property(r => r.Fields).HasMaxLength(AccessRequest.ListMaxLength).IsUnicode(false);
        builder.Property(r => r.Mode).HasMaxLength(16).IsUnicode(false);
        builder.Property(r => r.Phase).HasMaxLength(AccessRequest.IdMaxLength).IsUnicode(false);
        builder.Property(r => r.Level).HasMaxLength(AccessRequest.IdMaxLength).IsUnicode(false);
        builder.Property(r => r.Counterpart).HasMaxLength(Partner.IdMaxLength).IsUnicode(false);
        builder.Property(r => r.Necessity).HasMaxLength(AccessRequest.MotivationMaxLength);
        builder.Property(r => r.Proportionality).HasMaxLength(AccessRequest.MotivationMaxLength);
        builder.Property(r => r.Subsidiarity).HasMaxLength(AccessRequest.MotivationMaxLength);
        builder.Property(r => r.Status).HasMaxLength(32).IsUnicode(false);
        builder.Property(r => r.DecidingClause).HasMaxLength(AccessRequest.IdMaxLength).IsUnicode(false);
        builder.Property(r => r.Reasons).HasMaxLength(AccessRequest.ListMaxLength).IsUnicode(false);
        builder.Property(r => r.TraceId).HasMaxLength(32).IsUnicode(false);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.ConvenantId, r.Status });
        builder.HasIndex(r => new { r.RequesterPartnerId, r.CreatedAt });
        builder.HasIndex(r => r.SubjectId);
        builder.HasOne<Subject>().WithMany().HasForeignKey(r => r.SubjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.ToTable("reviews");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Gate).HasMaxLength(32).IsUnicode(false);
        builder.Property(r => r.ReviewerPartnerId).HasMaxLength(Partner.IdMaxLength).IsUnicode(false);
        builder.Property(r => r.ReviewerRole).HasMaxLength(ConvenantRole.PartMaxLength).IsUnicode(false);
        builder.Property(r => r.ReviewerActor).HasMaxLength(ActorColumn.MaxLength).IsUnicode(false);
        builder.Property(r => r.Verdict).HasMaxLength(16).IsUnicode(false);
        builder.Property(r => r.Motivation).HasMaxLength(AccessRequest.MotivationMaxLength);
        builder.HasIndex(r => new { r.RequestId, r.ReviewerActor, r.Gate }).IsUnique();
        builder.HasOne<AccessRequest>().WithMany().HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GrantConfiguration : IEntityTypeConfiguration<Grant>
{
    public void Configure(EntityTypeBuilder<Grant> builder)
    {
        builder.ToTable("grants");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.ConvenantId).HasMaxLength(ConvenantRole.PartMaxLength).IsUnicode(false);
        builder.Property(g => g.RecipientPartnerId).HasMaxLength(Partner.IdMaxLength).IsUnicode(false);
        builder.Property(g => g.RecipientRole).HasMaxLength(ConvenantRole.PartMaxLength).IsUnicode(false);
        builder.Property(g => g.Purpose).HasMaxLength(AccessRequest.IdMaxLength).IsUnicode(false);
        builder.Property(g => g.Categories).HasMaxLength(AccessRequest.ListMaxLength).IsUnicode(false);
        builder.Property(g => g.Fields).HasMaxLength(AccessRequest.ListMaxLength).IsUnicode(false);
        builder.Property(g => g.Mode).HasMaxLength(16).IsUnicode(false);
        builder.Property(g => g.Approvers).HasMaxLength(AccessRequest.ListMaxLength).IsUnicode(false);
        builder.Property(g => g.Clause).HasMaxLength(AccessRequest.IdMaxLength).IsUnicode(false);
        builder.Property(g => g.RevokedBy).HasMaxLength(ActorColumn.MaxLength).IsUnicode(false);
        builder.HasIndex(g => g.RequestId).IsUnique();
        builder.HasIndex(g => g.SubjectId);
        builder.HasIndex(g => new { g.ConvenantId, g.ExpiresAt });
        builder.HasOne<AccessRequest>().WithMany().HasForeignKey(g => g.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Subject>().WithMany().HasForeignKey(g => g.SubjectId).OnDelete(DeleteBehavior.Restrict);
    }
}
