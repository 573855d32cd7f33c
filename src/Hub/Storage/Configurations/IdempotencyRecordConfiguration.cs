using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharingHub.Hub.Accounts;
using SharingHub.Hub.Idempotency;

namespace SharingHub.Hub.Storage.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_records");
        builder.HasKey(r => new { r.ClientId, r.Key });
        builder.Property(r => r.ClientId).HasMaxLength(PartnerClient.ClientIdMaxLength).IsUnicode(false);
        builder.Property(r => r.Key).HasMaxLength(IdempotencyRecord.KeyMaxLength).IsUnicode(false);
        builder.Property(r => r.RequestHash).HasMaxLength(IdempotencyRecord.RequestHashLength).IsRequired();
        builder.Property(r => r.ResponseContentType).HasMaxLength(IdempotencyRecord.ContentTypeMaxLength).IsUnicode(false);
        builder.Property(r => r.ResponseBody).IsRequired();
        builder.HasIndex(r => r.CreatedAt);
    }
}
