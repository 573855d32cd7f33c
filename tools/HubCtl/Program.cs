using SharingHub.HubCtl;

return await HubCtlApp.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
