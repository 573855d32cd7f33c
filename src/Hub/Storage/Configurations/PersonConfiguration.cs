using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SharingHub.Hub.Accounts;

namespace SharingHub.Hub.Storage.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("people");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.UserName).HasMaxLength(Person.UserNameMaxLength).IsRequired();
        builder.Property(p => p.DisplayName).HasMaxLength(Person.DisplayNameMaxLength).IsRequired();
        builder.Property(p => p.PasswordHash).HasMaxLength(Person.PasswordHashMaxLength).IsUnicode(false).IsRequired();
        builder.Property(p => p.PartnerId).HasMaxLength(Partner.IdMaxLength).IsUnicode(false);
        builder.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(p => p.UserName).IsUnique();
        builder.HasIndex(p => p.PartnerId);
        builder.HasOne(p => p.Partner).WithMany().HasForeignKey(p => p.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Roles).WithOne().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
