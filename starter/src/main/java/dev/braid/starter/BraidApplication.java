package dev.braid.starter;

public class BraidApplication {
  public static void main(String[] args) {}
}
