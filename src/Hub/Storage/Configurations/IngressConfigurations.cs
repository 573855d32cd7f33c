using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharingHub.Hub.Accounts;
using SharingHub.Hub.Pseudonyms;
using SharingHub.Hub.Signals;
using SharingHub.Hub.Subjects;

namespace SharingHub.Hub.Storage.Configurations;

internal sealed class DomainKeyRowConfiguration : IEntityTypeConfiguration<DomainKeyRow>
{
    public void Configure(EntityTypeBuilder<DomainKeyRow> builder)
    {
        builder.ToTable("domain_keys");
        builder.HasKey(r => new { r.Domain, r.Version });
        builder.Property(r => r.Domain).HasMaxLength(DomainKeyRow.DomainMaxLength).IsUnicode(false);
        builder.Property(r => r.WrappedKey).IsRequired();
    }
}

internal sealed class VaultDataKeyRowConfiguration : IEntityTypeConfiguration<VaultDataKeyRow>
{
    public void Configure(EntityTypeBuilder<VaultDataKeyRow> builder)
    {
        builder.ToTable("vault_data_keys");
        builder.HasKey(r => r.SubjectId);
        builder.Property(r => r.SubjectId).HasMaxLength(VaultDataKeyRow.SubjectIdMaxLength).IsUnicode(false);
        builder.Property(r => r.Wrapped).IsRequired();
    }
}

internal sealed class VaultMasterKeyRowConfiguration : IEntityTypeConfiguration<VaultMasterKeyRow>
{
    public void Configure(EntityTypeBuilder<VaultMasterKeyRow> builder)
    {
        builder.ToTable("vault_master_keys");
        builder.HasKey(r => r.MasterKeyId);
        builder.Property(r => r.Protected).IsRequired();
    }
}

internal sealed class SubjectConfiguration : IEntityTypeConfiguration<Subject>
{
    public void Configure(EntityTypeBuilder<Subject> builder)
    {
        builder.ToTable("subjects");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.ConvenantId).HasMaxLength(ConvenantRole.PartMaxLength).IsUnicode(false);
        builder.Property(s => s.Anchor).HasMaxLength(Subject.AnchorMaxLength).IsUnicode(false);
        builder.Ignore(s => s.VaultId);
        builder.HasIndex(s => s.ConvenantId);
        builder.HasIndex(s => s.MergedIntoId);
    }
}

internal sealed class SubjectKeyConfiguration : IEntityTypeConfiguration<SubjectKey>
{
    public void Configure(EntityTypeBuilder<SubjectKey> builder)
    {
        builder.ToTable("subject_keys");
        builder.HasKey(k => new { k.SubjectId, k.Pseudonym });
        builder.Property(k => k.ConvenantId).HasMaxLength(ConvenantRole.PartMaxLength).IsUnicode(false);
        builder.Property(k => k.Pseudonym).HasMaxLength(SubjectKey.PseudonymMaxLength).IsUnicode(false);
        builder.HasIndex(k => new { k.ConvenantId, k.Pseudonym });
        builder.HasOne<Subject>().WithMany().HasForeignKey(k => k.SubjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SubjectRefConfiguration : IEntityTypeConfiguration<SubjectRef>
{
    public void Configure(EntityTypeBuilder<SubjectRef> builder)
    {
        builder.ToTable("subject_refs");
        builder.HasKey(r => new { r.ConvenantId, r.PartnerId, r.Reference });
        builder.Property(r => r.ConvenantId).HasMaxLength(ConvenantRole.PartMaxLength).IsUnicode(false);
        builder.Property(r => r.PartnerId).HasMaxLength(Partner.IdMaxLength).IsUnicode(false);
        builder.Property(r => r.Reference).HasMaxLength(SubjectRef.ReferenceMaxLength).IsUnicode(false);
        builder.HasIndex(r => new { r.SubjectId, r.PartnerId }).IsUnique();
        builder.HasOne<Subject>().WithMany().HasForeignKey(r => r.SubjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SignalConfiguration : IEntityTypeConfiguration<Signal>
{
    public void Configure(EntityTypeBuilder<Signal> builder)
    {
        builder.ToTable("signals");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.ConvenantId).HasMaxLength(ConvenantRole.PartMaxLength).IsUnicode(false);
        builder.Property(s => s.PartnerId).HasMaxLength(Partner.IdMaxLength).IsUnicode(false);
        builder.Property(s => s.ClientId).HasMaxLength(PartnerClient.ClientIdMaxLength).IsUnicode(false);
        builder.Property(s => s.Role).HasMaxLength(ConvenantRole.PartMaxLength).IsUnicode(false);
        builder.Property(s => s.Purpose).HasMaxLength(Signal.IdMaxLength).IsUnicode(false);
        builder.Property(s => s.Categories).HasMaxLength(Signal.CategoriesMaxLength).IsUnicode(false);
        builder.Property(s => s.Phase).HasMaxLength(Signal.IdMaxLength).IsUnicode(false);
        builder.Property(s => s.TraceId).HasMaxLength(32).IsUnicode(false);
        builder.Property(s => s.Identity).IsRequired();
        builder.HasIndex(s => new { s.ConvenantId, s.SubjectId });
        builder.HasOne<Subject>().WithMany().HasForeignKey(s => s.SubjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SignalDocumentConfiguration : IEntityTypeConfiguration<SignalDocument>
{
    public void Configure(EntityTypeBuilder<SignalDocument> builder)
    {
        builder.ToTable("signal_documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.PartnerId).HasMaxLength(Partner.IdMaxLength).IsUnicode(false);
        builder.Property(d => d.ContentType).HasMaxLength(SignalDocument.ContentTypeMaxLength).IsUnicode(false);
        builder.Property(d => d.OriginalName).HasMaxLength(SignalDocument.NameMaxLength).IsUnicode(false);
        builder.Property(d => d.ScrubbedName).HasMaxLength(SignalDocument.NameMaxLength).IsUnicode(false);
        builder.Property(d => d.WrappedKey).IsRequired();
        builder.HasIndex(d => d.SignalId);
        builder.HasOne<Signal>().WithMany().HasForeignKey(d => d.SignalId).OnDelete(DeleteBehavior.Cascade);
    }
}
