global using FusionGuide.Domain;
